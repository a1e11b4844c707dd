package dev.hallmark.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free latency histogram with microsecond resolution below 64 µs and 64 linear sub-buckets
 * per power of two above (about 1.6 % relative error), for latencies recorded from many threads.
 * Percentiles are taken over the difference of two {@link #snapshot() snapshots}.
 */
final class Histogram {
  private static final int SUB_BITS = 6;
  private static final int SUB = 1 << SUB_BITS;
  private final AtomicLongArray counts = new AtomicLongArray(64 * SUB);

  void record(long nanos) {
    counts.incrementAndGet(index(Math.max(0, nanos / 1000)));
  }

  long[] snapshot() {
    long[] c = new long[counts.length()];
    for (int i = 0; i < c.length; i++) {
      c[i] = counts.get(i);
    }
    return c;
  }

  /**
   * The {@code p}-quantile (0 &lt; p &le; 1) in milliseconds of what was recorded between two
   * snapshots (a bucket's midpoint); 0 when nothing was.
   */
  static double millis(long[] before, long[] after, double p) {
    long total = 0;
    for (int i = 0; i < after.length; i++) {
      total += after[i] - before[i];
    }
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p * total));
    long seen = 0;
    for (int i = 0; i < after.length; i++) {
      seen += after[i] - before[i];
      if (seen >= rank) {
        return midpointMicros(i) / 1000.0;
      }
    }
    return midpointMicros(after.length - 1) / 1000.0;
  }

  static int index(long micros) {
    if (micros < SUB) {
      return (int) micros;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(micros);
    int shift = exponent - SUB_BITS;
    return (shift + 1) * SUB + (int) ((micros >>> shift) & (SUB - 1));
  }

  private static double midpointMicros(int index) {
    if (index < 2 * SUB) {
      return index;
    }
    int shift = index / SUB - 1;
    long low = (long) (SUB + index % SUB) << shift;
    return low + ((1L << shift) - 1) / 2.0;
  }
}
