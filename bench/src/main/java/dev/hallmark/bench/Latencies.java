package dev.hallmark.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds. */
final class Latencies {
  private final long[] sorted;

  Latencies(long[] nanos, int count) {
    this.sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
  }

  /** The {@code p}-quantile (0 &lt; p &le; 1) in milliseconds; 0 when empty. */
  double millis(double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
