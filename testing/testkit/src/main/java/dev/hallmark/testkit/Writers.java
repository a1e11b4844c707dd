package dev.hallmark.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop writer threads: each posts fresh entries one after another to its server (thread i
 * uses {@code targets[i % n]}) and records every 201 in {@link Acknowledgements}. Other answers and
 * broken connections are counted; their entries may or may not be in the log.
 */
public final class Writers implements AutoCloseable {
  private final List<Thread> threads = new ArrayList<>();
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final AtomicLong ioErrors = new AtomicLong();
  private final AtomicLong created = new AtomicLong();
  private volatile boolean running = true;

  private Writers() {}

  /** Starts {@code count} writer threads. */
  public static Writers start(
      int count, List<RekorV2Client> targets, HashedRekordFactory factory, Acknowledgements acks) {
    Writers w = new Writers();
    for (int i = 0; i < count; i++) {
      RekorV2Client client = targets.get(i % targets.size());
      Thread t = new Thread(() -> w.run(client, factory, acks), "writer-" + i);
      t.setDaemon(true);
      w.threads.add(t);
      t.start();
    }
    return w;
  }

  private void run(RekorV2Client client, HashedRekordFactory factory, Acknowledgements acks) {
    while (running) {
      HashedRekordRequest request = factory.next();
      try {
        PostResult r = client.post(request);
        if (r.created()) {
          acks.record(request, r.entry());
          created.incrementAndGet();
        } else {
          statuses.computeIfAbsent(r.status(), s -> new AtomicLong()).incrementAndGet();
          if (r.status() == 201) {
            acks.recordProblem("unparseable 201: " + r.error());
          }
        }
      } catch (IOException e) {
        ioErrors.incrementAndGet();
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Number of 201 answers. */
  public long created() {
    return created.get();
  }

  /** Number of requests whose connection broke (outcome unknown). */
  public long ioErrors() {
    return ioErrors.get();
  }

  /** Count of each non-201 status. */
  public Map<Integer, Long> otherStatuses() {
    Map<Integer, Long> m = new java.util.TreeMap<>();
    statuses.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }

  /** Stops the threads and waits for them (each finishes or fails its current request). */
  @Override
  public void close() {
    running = false;
    try {
      for (Thread t : threads) {
        t.join(70_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
