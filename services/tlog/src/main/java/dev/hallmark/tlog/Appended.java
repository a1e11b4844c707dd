package dev.hallmark.tlog;

import dev.hallmark.core.merkle.Hash;
import java.util.List;

/**
 * The outcome of adding an entry: its index, when it was integrated (epoch seconds), whether it was
 * already in the log, the signed checkpoint that covers it and the inclusion proof against that
 * checkpoint.
 */
public record Appended(
    long index,
    long integratedTime,
    boolean duplicate,
    byte[] body,
    LogSnapshot checkpoint,
    List<Hash> inclusionProof) {
  public Appended {
    if (index < 0 || index >= checkpoint.size()) {
      throw new IllegalArgumentException("index " + index + " not covered by the checkpoint");
    }
    inclusionProof = List.copyOf(inclusionProof);
  }
}
