package dev.hallmark.bench;

import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.SignedNote;
import dev.hallmark.testkit.RekorV2Client;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reader threads that fetch what verifiers and monitors fetch while the log grows: the checkpoint
 * (one read in ten), and random hash tiles (any level the tree has) and entry bundles within the
 * latest checkpoint they saw, partial ones included.
 */
final class Readers implements AutoCloseable {
  private final RekorV2Client client;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong size = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile boolean running = true;

  Readers(RekorV2Client client, int count) {
    this.client = client;
    for (int i = 0; i < count; i++) {
      SplittableRandom random = new SplittableRandom(i * 7919L + 1);
      Thread t = new Thread(() -> run(random), "reader-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  long reads() {
    return reads.get();
  }

  long errors() {
    return errors.get();
  }

  private void run(SplittableRandom random) {
    while (running) {
      try {
        long s = size.get();
        if (s == 0 || random.nextInt(10) == 0) {
          readCheckpoint();
        } else {
          HttpResponse<byte[]> r = client.get(randomPath(random, s));
          count(r.statusCode() == 200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        errors.incrementAndGet();
        sleep();
      }
    }
  }

  private void readCheckpoint() throws Exception {
    HttpResponse<byte[]> r = client.get("/checkpoint");
    boolean ok = r.statusCode() == 200;
    if (ok) {
      String note = new String(r.body(), StandardCharsets.UTF_8);
      size.accumulateAndGet(Checkpoint.parse(SignedNote.parse(note).text()).size(), Math::max);
    }
    count(ok);
  }

  private static String randomPath(SplittableRandom random, long size) {
    boolean bundle = random.nextBoolean();
    int level = 0;
    if (!bundle) {
      int levels = 1;
      while (levels < 8 && (size >>> (8 * levels)) > 0) {
        levels++;
      }
      level = random.nextInt(levels);
    }
    long hashes = size >>> (8 * level);
    long tiles = (hashes + 255) / 256;
    long index = random.nextLong(tiles);
    int width = index < hashes / 256 ? 256 : (int) (hashes % 256);
    return bundle
        ? RekorV2Client.bundlePath(index, width)
        : RekorV2Client.tilePath(level, index, width);
  }

  private void count(boolean ok) {
    (ok ? reads : errors).incrementAndGet();
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      for (Thread t : threads) {
        t.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
