package dev.hallmark.bench;

/**
 * What one load step measured. Latencies are from the scheduled send time to the 201 answer (which
 * carries the inclusion proof), in milliseconds; CPU figures are cores busy on average.
 *
 * @param offered the offered rate in entries/s ("max" steps: -1, closed loop)
 * @param achieved entries answered 201 per second over the step
 * @param errors non-201 answers, broken connections and sends skipped because too many were
 *     outstanding
 * @param readsPerSecond successful tile, bundle and checkpoint reads per second meanwhile
 */
public record StepResult(
    String name,
    int offered,
    double seconds,
    long sent,
    long created,
    double achieved,
    long errors,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs,
    double readsPerSecond,
    long readErrors,
    double generatorCpu,
    double serverCpu,
    double postgresCpu) {

  /** One line of the text report. */
  public String line() {
    return String.format(
        "%-10s %8s %9.0f %7d %8.1f %8.1f %8.1f %8.1f %9.0f %6.2f %6.2f %6.2f",
        name,
        offered < 0 ? "max" : Integer.toString(offered),
        achieved,
        errors,
        p50Ms,
        p90Ms,
        p99Ms,
        maxMs,
        readsPerSecond,
        generatorCpu,
        serverCpu,
        postgresCpu);
  }

  public static String header() {
    return String.format(
        "%-10s %8s %9s %7s %8s %8s %8s %8s %9s %6s %6s %6s",
        "step",
        "offered",
        "entries/s",
        "errors",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "reads/s",
        "genCPU",
        "srvCPU",
        "pgCPU");
  }
}
