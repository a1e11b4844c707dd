package dev.hallmark.tlog;

import dev.hallmark.core.merkle.Hash;

/** A signed state of a log: size, root and the checkpoint note that signs them. */
public record LogSnapshot(long size, Hash rootHash, String checkpoint) {
  public LogSnapshot {
    if (size < 0 || rootHash == null || checkpoint == null) {
      throw new IllegalArgumentException("incomplete snapshot");
    }
  }
}
