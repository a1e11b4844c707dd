package dev.hallmark.bench;

import dev.hallmark.testkit.HashedRekordRequest;
import dev.hallmark.testkit.PostResult;
import dev.hallmark.testkit.RekorV2Client;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one step of entries. Open loop at a fixed rate: send {@code i} is scheduled at {@code start
 * + i/rate} and its latency counts from that scheduled time, so a slow server cannot slow the
 * generator down and hide its own queueing (no coordinated omission). Closed loop ("max"): keep a
 * fixed number of requests in flight for the duration.
 */
final class LoadStep {
  /** Every this many 201 answers, one is parsed and its inclusion proof verified. */
  private static final int VERIFY_EVERY = 100;

  private final RekorV2Client client;
  private final List<HashedRekordRequest> requests;
  private final long[] latencies;
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicLong lastDone = new AtomicLong();
  private final AtomicInteger next = new AtomicInteger();
  private volatile String firstError;

  LoadStep(RekorV2Client client, List<HashedRekordRequest> requests) {
    this.client = client;
    this.requests = requests;
    this.latencies = new long[requests.size()];
  }

  /** Result counters of a finished step. */
  record Outcome(long sent, long created, long errors, long nanos, Latencies latencies) {}

  /** Sends every request at {@code rate}/s, never more than {@code maxOutstanding} in flight. */
  Outcome openLoop(int rate, int maxOutstanding) throws InterruptedException {
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    double interval = 1e9 / rate;
    for (int i = 0; i < requests.size(); i++) {
      long scheduled = start + (long) (i * interval);
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (outstanding.get() >= maxOutstanding) {
        errors.incrementAndGet();
        if (firstError == null) {
          firstError = "send skipped: " + maxOutstanding + " requests outstanding";
        }
        continue;
      }
      send(i, scheduled);
    }
    return finish(start);
  }

  /** Keeps {@code concurrency} requests in flight for {@code nanos} or until requests run out. */
  Outcome closedLoop(int concurrency, long nanos) throws InterruptedException {
    long start = System.nanoTime();
    long end = start + nanos;
    for (int c = 0; c < concurrency; c++) {
      sendNext(end);
    }
    while (System.nanoTime() < end && next.get() < requests.size()) {
      Thread.sleep(10);
    }
    return finish(start);
  }

  private void sendNext(long end) {
    if (System.nanoTime() >= end) {
      return;
    }
    int i = next.getAndIncrement();
    if (i < requests.size()) {
      send(i, System.nanoTime(), () -> sendNext(end));
    }
  }

  private void send(int i, long scheduled) {
    next.set(i + 1);
    send(i, scheduled, () -> {});
  }

  private void send(int i, long scheduled, Runnable then) {
    outstanding.incrementAndGet();
    client
        .postRaw(requests.get(i))
        .whenComplete(
            (response, error) -> {
              long now = System.nanoTime();
              record(i, now - scheduled, response, error);
              lastDone.accumulateAndGet(now, Math::max);
              outstanding.decrementAndGet();
              then.run();
            });
  }

  private void record(int i, long nanos, HttpResponse<byte[]> response, Throwable error) {
    if (error == null && response.statusCode() == 201) {
      long n = created.incrementAndGet();
      if (n % VERIFY_EVERY == 0 && !verified(response)) {
        errors.incrementAndGet();
        return;
      }
      latencies[completed.getAndIncrement()] = nanos;
    } else {
      errors.incrementAndGet();
      if (firstError == null) {
        firstError =
            error != null
                ? error.toString()
                : "HTTP "
                    + response.statusCode()
                    + " "
                    + new String(response.body(), StandardCharsets.UTF_8);
      }
    }
  }

  private boolean verified(HttpResponse<byte[]> response) {
    PostResult r = client.parse(response);
    try {
      r.logged().orElseThrow(() -> new IllegalStateException(r.error())).verifyInclusion();
      return true;
    } catch (Exception e) {
      if (firstError == null) {
        firstError = "bad inclusion proof: " + e.getMessage();
      }
      return false;
    }
  }

  private Outcome finish(long start) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (outstanding.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    long end = Math.max(lastDone.get(), start + 1);
    long sent = Math.min(next.get(), requests.size());
    int ok = completed.get();
    return new Outcome(
        sent, created.get(), errors.get(), end - start, new Latencies(latencies, ok));
  }

  /** The first error seen, for the report; null if none. */
  String firstError() {
    return firstError;
  }
}
