package dev.hallmark.core.verify;

import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.ProofException;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteFormatException;
import dev.hallmark.core.note.NoteVerificationException;
import dev.hallmark.core.note.NoteVerifierSet;
import dev.hallmark.core.note.VerifiedNote;
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
    Checkpoint checkpoint;
    try {
      VerifiedNote note =
          new NoteVerifierSet(List.of(log.checkpointKey())).verify(entry.checkpoint());
      checkpoint = Checkpoint.parse(note.note().text());
    } catch (NoteVerificationException | NoteFormatException e) {
      throw new VerificationException("checkpoint signature: " + e.getMessage(), e);
    }
    if (!checkpoint.origin().equals(log.checkpointKey().name())) {
      throw new VerificationException(
          "checkpoint origin "
              + checkpoint.origin()
              + " is not the log's "
              + log.checkpointKey().name());
    }
    if (checkpoint.size() != entry.treeSize() || !checkpoint.rootHash().equals(entry.rootHash())) {
      throw new VerificationException(
          "inclusion proof is for size "
              + entry.treeSize()
              + " root "
              + entry.rootHash()
              + " but the checkpoint signs size "
              + checkpoint.size()
              + " root "
              + checkpoint.rootHash());
    }
    try {
      MerkleVerifier.verifyInclusion(
          entry.logIndex(),
          checkpoint.size(),
          Rfc6962.leafHash(entry.canonicalizedBody()),
          entry.hashes(),
          checkpoint.rootHash());
    } catch (ProofException e) {
      throw new VerificationException("inclusion proof: " + e.getMessage(), e);
    }
    return checkpoint;
  }
}
