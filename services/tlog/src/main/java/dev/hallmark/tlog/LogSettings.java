package dev.hallmark.tlog;

import java.time.Duration;

/**
 * Tuning of one hosted log.
 *
 * @param batchSize most entries integrated in one batch (one transaction, one checkpoint)
 * @param maxDelay longest a submission waits for its batch to fill before it is integrated
 * @param leaseTtl how long a sequencing lease lives without renewal (failover time)
 * @param queueCapacity submissions waiting in this process before new ones are refused
 * @param tileCacheTiles full tiles kept in memory for proofs and tile reads
 * @param handoverTimeout how long a process without the lease waits for the holder
 */
public record LogSettings(
    int batchSize,
    Duration maxDelay,
    Duration leaseTtl,
    int queueCapacity,
    int tileCacheTiles,
    Duration handoverTimeout) {
  public LogSettings {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batch size must be 1..10000, not " + batchSize);
    }
    if (maxDelay.isNegative() || maxDelay.toMillis() > 10_000) {
      throw new IllegalArgumentException("batch delay must be 0..10s, not " + maxDelay);
    }
    if (leaseTtl.toMillis() < 100) {
      throw new IllegalArgumentException("lease TTL must be at least 100 ms");
    }
    if (queueCapacity < batchSize || tileCacheTiles < 16 || handoverTimeout.isNegative()) {
      throw new IllegalArgumentException("queue, cache or hand-over settings out of range");
    }
  }

  public static LogSettings defaults() {
    return new LogSettings(
        1000, Duration.ofMillis(10), Duration.ofSeconds(10), 50_000, 4096, Duration.ofSeconds(30));
  }
}
