package dev.hallmark.bench;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import dev.hallmark.testkit.RekorV2Client;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asynchronous readers fetching what verifiers and monitors fetch while the log grows: the
 * checkpoint (one read in ten), and random hash tiles (any level the tree has) and entry bundles
 * within the latest checkpoint seen, partial ones included. {@code concurrency} chains of requests
 * run on the transport's event loop; each issues its next read when the previous one is answered.
 */
final class Readers implements AutoCloseable {
  private final Transport http;
  private final AtomicLong size = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Histogram latencies = new Histogram();
  private volatile boolean running = true;
  private volatile String firstError;

  Readers(Transport http, int concurrency) {
    this.http = http;
    for (int i = 0; i < concurrency; i++) {
      SplittableRandom random = new SplittableRandom(i * 7919L + 1);
      http.eventLoop().execute(() -> next(random));
    }
  }

  /** Successful reads so far. */
  long reads() {
    return reads.get();
  }

  /** Failed reads so far (non-200, broken connections). */
  long errors() {
    return errors.get();
  }

  /** Latencies of successful reads so far. */
  long[] latencies() {
    return latencies.snapshot();
  }

  /** The first error seen, for the report; null if none. */
  String firstError() {
    return firstError;
  }

  private void next(SplittableRandom random) {
    if (!running) {
      return;
    }
    long s = size.get();
    boolean checkpoint = s == 0 || random.nextInt(10) == 0;
    String path = checkpoint ? "/checkpoint" : randomPath(random, s);
    long start = System.nanoTime();
    inFlight.incrementAndGet();
    CompletableFuture<Integer> answer =
        checkpoint ? http.get(path).thenApply(this::checkpointStatus) : http.getStatus(path);
    answer.whenComplete(
        (status, e) -> {
          inFlight.decrementAndGet();
          if (e == null && status == 200) {
            latencies.record(System.nanoTime() - start);
            reads.incrementAndGet();
            next(random);
          } else {
            errors.incrementAndGet();
            if (firstError == null) {
              firstError = path + ": " + (e != null ? e : "HTTP " + status);
            }
            // back off a little so a dead server is not hammered in a tight loop
            http.eventLoop().schedule(() -> next(random), 10, TimeUnit.MILLISECONDS);
          }
        });
  }

  private int checkpointStatus(AggregatedHttpResponse r) {
    if (r.status().code() == 200) {
      size.accumulateAndGet(treeSize(r), Math::max);
    }
    return r.status().code();
  }

  /** The tree size: the second line of the checkpoint note (origin, size, root hash, ...). */
  private static long treeSize(AggregatedHttpResponse r) {
    String note = r.content().toString(StandardCharsets.UTF_8);
    int a = note.indexOf('\n');
    int b = note.indexOf('\n', a + 1);
    return Long.parseLong(note.substring(a + 1, b));
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

  /** Stops issuing reads and waits (up to 10 s) for those in flight. */
  @Override
  public void close() {
    running = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
