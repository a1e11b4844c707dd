package dev.hallmark.core.verify;

import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteVerifierSet;
import dev.hallmark.core.verify.internal.CheckpointedProof;
import java.util.List;

/**
 * Proves that a transparency-log entry is in a trusted log: the log is trusted (by log ID), its
 * checkpoint is signed by the log's key, the proof's size and root are the checkpoint's, and the
 * entry's leaf hash is included under that root. Returns nothing and throws on any failure.
 */
public final class LogEntryVerifier {
  private final List<TrustedLog> logs;

  public LogEntryVerifier(List<TrustedLog> logs) {
    this.logs = List.copyOf(logs);
  }

  /** Returns the verified checkpoint on success. */
  public Checkpoint verify(LogEntry entry) throws VerificationException {
    TrustedLog log =
        logs.stream()
            .filter(l -> l.hasId(entry.logId()))
            .findFirst()
            .orElseThrow(
                () -> new VerificationException("entry is from a log that is not trusted"));
    if (entry.logIndex() != entry.proofIndex()) {
      throw new VerificationException(
          "logIndex " + entry.logIndex() + " differs from the proof's " + entry.proofIndex());
    }
    return CheckpointedProof.verify(
        entry.checkpoint(),
        new NoteVerifierSet(List.of(log.checkpointKey())),
        CheckpointedProof.Origin.SIGNER_NAME,
        entry.logIndex(),
        entry.treeSize(),
        entry.rootHash(),
        entry.hashes(),
        entry.canonicalizedBody(),
        "entry " + entry.logIndex());
  }
}
