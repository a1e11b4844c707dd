package dev.hallmark.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the steps of a single-endpoint load (CA, TSA): one open-loop step per offered rate, or
 * closed loop for "max", each followed by a wait until the server is idle again, and formats one
 * table row per step (rate, errors, sampled answers checked, latency percentiles, CPU of generator,
 * server and PostgreSQL).
 */
final class StepTable {
  private final String unit;
  private final String tag;
  private final int verifyEvery;
  private final int success;
  private final int durationSeconds;
  private final int maxConcurrency;
  private final int maxOutstanding;
  private final int settleMaxSeconds;
  private long lastErrors;

  /**
   * @param unit the column name of the achieved rate, e.g. {@code certs/s}
   * @param tag the log prefix, e.g. {@code ca-load}
   * @param success the status of a successful answer
   */
  StepTable(
      String unit,
      String tag,
      int verifyEvery,
      int success,
      int durationSeconds,
      int maxConcurrency,
      int maxOutstanding,
      int settleMaxSeconds) {
    this.unit = unit;
    this.tag = tag;
    this.verifyEvery = verifyEvery;
    this.success = success;
    this.durationSeconds = durationSeconds;
    this.maxConcurrency = maxConcurrency;
    this.maxOutstanding = maxOutstanding;
    this.settleMaxSeconds = settleMaxSeconds;
  }

  /** Errors of the last step run. */
  long lastErrors() {
    return lastErrors;
  }

  /**
   * Runs one step ({@code name}: a rate, "max" or "warmup" at {@code warmupRate}) and returns its
   * table row.
   */
  String step(
      Transport http,
      AnswerCheck check,
      CpuMeter cpu,
      String name,
      int warmupRate,
      List<byte[]> bodies)
      throws InterruptedException {
    LoadStep step = new LoadStep(http, check, bodies, verifyEvery, success);
    long[] cpu0 = cpu.sample();
    LoadStep.Outcome o;
    String offered;
    if (name.equals("max")) {
      offered = "max";
      o = step.closedLoop(maxConcurrency, TimeUnit.SECONDS.toNanos(durationSeconds));
    } else {
      int rate = name.equals("warmup") ? warmupRate : Integer.parseInt(name);
      offered = Integer.toString(rate);
      o = step.openLoop(rate, maxOutstanding);
    }
    double[] cores = CpuMeter.cores(cpu0, cpu.sample(), o.nanos());
    if (step.firstError() != null) {
      log(name + ": first error: " + step.firstError());
    }
    if (step.badAnswers() > 0) {
      log(name + ": " + step.badAnswers() + " sampled answer(s) FAILED their check");
    }
    lastErrors = o.errors();
    double seconds = o.nanos() / 1e9;
    Latencies l = o.latencies();
    return String.format(
        "%-7s %7s %7.0f %6d %8d %7.1f %7.1f %7.1f %7.1f %6.2f %6.2f %6.2f",
        name,
        offered,
        o.created() / seconds,
        o.errors(),
        o.verified(),
        l.millis(0.50),
        l.millis(0.90),
        l.millis(0.99),
        l.millis(1.0),
        cores[0],
        cores[1],
        cores[2]);
  }

  /**
   * Waits until the server uses less than 0.15 cores over a second, so that a step does not inherit
   * the previous one's backlog (queued requests run even after their request timeout).
   */
  void settle(CpuMeter cpu) throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(settleMaxSeconds);
    while (System.nanoTime() < deadline) {
      long[] a = cpu.sample();
      long ta = System.nanoTime();
      Thread.sleep(1000);
      if (CpuMeter.cores(a, cpu.sample(), System.nanoTime() - ta)[1] < 0.15) {
        break;
      }
    }
    double waited = (System.nanoTime() - t0) / 1e9;
    if (waited > 1.5) {
      log(String.format("waited %.0f s for the server to become idle", waited));
    }
  }

  String header() {
    return String.format(
        "%-7s %7s %7s %6s %8s %7s %7s %7s %7s %6s %6s %6s",
        "step",
        "offered",
        unit,
        "errors",
        "verified",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "genCPU",
        "srvCPU",
        "pgCPU");
  }

  void log(String message) {
    System.err.println("[" + tag + "] " + message);
  }
}
