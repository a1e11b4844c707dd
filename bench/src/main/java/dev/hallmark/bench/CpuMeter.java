package dev.hallmark.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM, by the server process and by PostgreSQL (when this JVM started them),
 * sampled at step boundaries. Backends that exit within a step are not counted.
 */
final class CpuMeter {
  private final Supplier<Duration> server;
  private final ProcessHandle postmaster;

  /**
   * @param server the server's total CPU time so far (zero when it runs elsewhere)
   * @param postmaster PostgreSQL's main process, or null when it runs elsewhere
   */
  CpuMeter(Supplier<Duration> server, ProcessHandle postmaster) {
    this.server = server;
    this.postmaster = postmaster;
  }

  /** Total CPU nanoseconds so far: generator, server, PostgreSQL. */
  long[] sample() {
    return new long[] {generatorNanos(), server.get().toNanos(), postgresNanos()};
  }

  private static long generatorNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }

  /** The postmaster and its live backends (pooled connections live through a step). */
  private long postgresNanos() {
    if (postmaster == null) {
      return 0;
    }
    return Stream.concat(Stream.of(postmaster), postmaster.descendants())
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }

  /** Cores busy on average between two samples, per component. */
  static double[] cores(long[] before, long[] after, long wallNanos) {
    double[] c = new double[before.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = wallNanos <= 0 ? 0 : (after[i] - before[i]) / (double) wallNanos;
    }
    return c;
  }
}
