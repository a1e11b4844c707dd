package dev.hallmark.bench;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one step of entries. Open loop at a fixed rate: send {@code i} is scheduled at {@code start
 * + i/rate} and its latency counts from that scheduled time, so a slow server cannot slow the
 * generator down and hide its own queueing (no coordinated omission). Closed loop ("max"): keep a
 * fixed number of requests in flight for the duration.
 *
 * <p>Sends are issued on the transport's event loop, in batches of whatever is due (the pacing
 * thread wakes at most every 200 µs), and answers complete there: on the hot path only the status
 * and the time are looked at (the body is received and dropped), except for every 100th request,
 * whose 201 answer is parsed and checked by the {@link AnswerCheck} (inclusion proof; for v1 also
 * the checkpoint and the signed entry timestamp).
 */
final class LoadStep {
  /**
   * By default, every this many requests, the answer is parsed and its inclusion proof verified.
   */
  static final int VERIFY_EVERY = 100;

  /** Pseudo status of a sampled 201 answer whose inclusion proof did not verify. */
  private static final int BAD_PROOF = -1;

  private final Transport http;
  private final AnswerCheck check;
  private final List<byte[]> requests;
  private final long[] latencies;
  private final int verifyEvery;
  private final int success;
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong verified = new AtomicLong();
  private final AtomicLong badAnswers = new AtomicLong();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicInteger pendingBatches = new AtomicInteger();
  private final AtomicLong lastDone = new AtomicLong();
  private final AtomicInteger next = new AtomicInteger();
  private volatile String firstError;

  LoadStep(Transport http, AnswerCheck check, List<byte[]> requests) {
    this(http, check, requests, VERIFY_EVERY);
  }

  /** As above, checking every {@code verifyEvery}-th answer (request 0 included). */
  LoadStep(Transport http, AnswerCheck check, List<byte[]> requests, int verifyEvery) {
    this(http, check, requests, verifyEvery, 201);
  }

  /** As above, for a service whose success status is {@code success} (200 for the TSA). */
  LoadStep(Transport http, AnswerCheck check, List<byte[]> requests, int verifyEvery, int success) {
    this.success = success;
    this.verifyEvery = verifyEvery;
    this.http = http;
    this.check = check;
    this.requests = requests;
    this.latencies = new long[requests.size()];
  }

  /** Result counters of a finished step. */
  record Outcome(
      long sent, long created, long errors, long verified, long nanos, Latencies latencies) {}

  /** Sends every request at {@code rate}/s, never more than {@code maxOutstanding} in flight. */
  Outcome openLoop(int rate, int maxOutstanding) throws InterruptedException {
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    double interval = 1e9 / rate;
    int n = requests.size();
    int sent = 0;
    while (sent < n) {
      long now = System.nanoTime();
      int due = now < start ? 0 : (int) Math.min(n, (now - start) / interval + 1);
      if (due > sent) {
        int from = sent;
        pendingBatches.incrementAndGet();
        http.eventLoop().execute(() -> sendDue(from, due, start, interval, maxOutstanding));
        sent = due;
        next.set(due);
      }
      if (sent < n) {
        long wait = start + (long) (sent * interval) - System.nanoTime();
        LockSupport.parkNanos(Math.max(wait, TimeUnit.MICROSECONDS.toNanos(200)));
      }
    }
    return finish(start);
  }

  private void sendDue(int from, int to, long start, double interval, int maxOutstanding) {
    for (int i = from; i < to; i++) {
      long scheduled = start + (long) (i * interval);
      if (outstanding.get() >= maxOutstanding) {
        errors.incrementAndGet();
        if (firstError == null) {
          firstError = "send skipped: " + maxOutstanding + " requests outstanding";
        }
        continue;
      }
      send(i, scheduled, null);
    }
    pendingBatches.decrementAndGet();
  }

  /** Keeps {@code concurrency} requests in flight for {@code nanos} or until requests run out. */
  Outcome closedLoop(int concurrency, long nanos) throws InterruptedException {
    long start = System.nanoTime();
    long end = start + nanos;
    http.eventLoop()
        .execute(
            () -> {
              for (int c = 0; c < concurrency; c++) {
                sendNext(end);
              }
            });
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

  private void send(int i, long scheduled, Runnable then) {
    outstanding.incrementAndGet();
    CompletableFuture<Integer> answer =
        i % verifyEvery == 0
            ? http.post(requests.get(i)).thenApply(r -> verify(i, r))
            : http.postStatus(requests.get(i));
    answer.whenComplete(
        (status, error) -> {
          long now = System.nanoTime();
          record(now - scheduled, status, error);
          lastDone.accumulateAndGet(now, Math::max);
          outstanding.decrementAndGet();
          if (then != null) {
            then.run();
          }
        });
  }

  private void record(long nanos, Integer status, Throwable error) {
    if (error == null && status == success) {
      created.incrementAndGet();
      latencies[completed.getAndIncrement()] = nanos;
    } else {
      errors.incrementAndGet();
      if (firstError == null) {
        firstError = error != null ? error.toString() : "HTTP " + status;
      }
    }
  }

  /**
   * For a sampled request: the status, or {@link #BAD_PROOF} if a 201 answer does not parse or its
   * inclusion proof does not verify. Other answers keep their body for the report.
   */
  private int verify(int i, AggregatedHttpResponse response) {
    int status = response.status().code();
    if (status != success) {
      if (firstError == null) {
        firstError = "HTTP " + status + " " + response.contentUtf8();
      }
      return status;
    }
    if (!verified(i, response)) {
      badAnswers.incrementAndGet();
      return BAD_PROOF;
    }
    verified.incrementAndGet();
    return status;
  }

  /** Parses a 201 answer and checks it (inclusion proof; for v1 also checkpoint and SET). */
  private boolean verified(int i, AggregatedHttpResponse response) {
    try {
      check.check(requests.get(i), response.content().array());
      return true;
    } catch (Exception e) {
      if (firstError == null) {
        firstError = "request " + i + ": bad 201 answer (" + check.what() + "): " + e;
      }
      return false;
    }
  }

  private Outcome finish(long start) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while ((pendingBatches.get() > 0 || outstanding.get() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    long end = Math.max(lastDone.get(), start + 1);
    long sent = Math.min(next.get(), requests.size());
    int ok = completed.get();
    return new Outcome(
        sent,
        created.get(),
        errors.get(),
        verified.get(),
        end - start,
        new Latencies(latencies, ok));
  }

  /** Sampled 201 answers that failed their check (also counted as errors). */
  long badAnswers() {
    return badAnswers.get();
  }

  /** The first error seen, for the report; null if none. */
  String firstError() {
    return firstError;
  }
}
