package dev.hallmark.tlog.internal.storage;

import dev.hallmark.core.merkle.Hash;

/** One log's row: durable size, last signed checkpoint (null text and root before the first). */
public record LogState(
    int logId,
    String name,
    String origin,
    long treeId,
    long persistedSize,
    long checkpointSize,
    Hash rootHash,
    String checkpoint) {
  public LogState {
    if (persistedSize < 0 || checkpointSize < 0 || checkpointSize > persistedSize) {
      throw new IllegalArgumentException(
          "inconsistent log state: persisted " + persistedSize + ", checkpoint " + checkpointSize);
    }
  }
}
