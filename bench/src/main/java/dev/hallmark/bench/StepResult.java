package dev.hallmark.bench;

/**
 * What one load step measured. Latencies are from the scheduled send time to the 201 answer (which
 * carries the inclusion proof), in milliseconds; CPU figures are cores busy on average.
 *
 * @param offered the offered rate in entries/s ("max" steps: -1, closed loop)
 * @param achieved entries answered 201 per second over the step
 * @param errors non-201 answers, broken connections, sends skipped because too many were
 *     outstanding, and sampled answers whose inclusion proof did not verify
 * @param verified sampled 201 answers whose inclusion proof was checked (every 100th)
 * @param readsPerSecond successful tile, bundle and checkpoint reads per second meanwhile
 * @param readP50Ms median latency of those reads (from send to full answer)
 */
public record StepResult(
    String name,
    int offered,
    double seconds,
    long sent,
    long created,
    double achieved,
    long errors,
    long verified,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs,
    double readsPerSecond,
    long readErrors,
    double readP50Ms,
    double readP99Ms,
    double generatorCpu,
    double serverCpu,
    double postgresCpu) {

  /** One line of the text report. */
  public String line() {
    return String.format(
        "%-10s %7s %9.0f %6d %7.1f %7.1f %7.1f %7.1f %8.0f %6d %7.2f %7.2f %6.2f %6.2f %6.2f",
        name,
        offered < 0 ? "max" : Integer.toString(offered),
        achieved,
        errors,
        p50Ms,
        p90Ms,
        p99Ms,
        maxMs,
        readsPerSecond,
        readErrors,
        readP50Ms,
        readP99Ms,
        generatorCpu,
        serverCpu,
        postgresCpu);
  }

  public static String header() {
    return String.format(
        "%-10s %7s %9s %6s %7s %7s %7s %7s %8s %6s %7s %7s %6s %6s %6s",
        "step",
        "offered",
        "entries/s",
        "errors",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "reads/s",
        "rd err",
        "rd p50",
        "rd p99",
        "genCPU",
        "srvCPU",
        "pgCPU");
  }
}
