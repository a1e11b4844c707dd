package dev.hallmark.core.verify.internal;

import dev.hallmark.core.bundle.InclusionProof;
import dev.hallmark.core.bundle.TlogEntry;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.verify.VerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves a transparency-log entry is in a trusted log: the signed entry timestamp (SET), and the
 * inclusion proof against a checkpoint signed by the log ({@link CheckpointedProof}). The body's
 * meaning is checked by {@link EntryBodies}.
 */
public final class TlogProofs {
  private TlogProofs() {}

  /** Finds the trusted log the entry names. */
  public static TrustedTlog logOf(TlogEntry e, List<TrustedTlog> logs, String where)
      throws VerificationException {
    for (TrustedTlog l : logs) {
      if (l.hasId(e.logId())) {
        return l;
      }
    }
    throw new VerificationException(
        "transparency log: "
            + where
            + " is from log "
            + e.logId().base64()
            + ", which is not in the trusted root");
  }

  /**
   * Verifies the SET if the entry has one and returns the integrated time it vouches for (which
   * must lie in the log key's validity); empty if the entry has no SET.
   */
  public static Optional<Instant> verifyPromise(TlogEntry e, TrustedTlog log, String where)
      throws VerificationException {
    if (!e.hasPromise()) {
      return Optional.empty();
    }
    Instant t = Instant.ofEpochSecond(e.integratedTime());
    if (!log.validFor().contains(t)) {
      throw new VerificationException(
          "transparency log: "
              + where
              + " integrated time "
              + t
              + " is outside the log key's validity "
              + log.validFor());
    }
    // RFC 8785 of {body, integratedTime, logID, logIndex}: keys already sorted, base64 and hex
    // need no escaping, and integers print as themselves.
    String signed =
        "{\"body\":\""
            + e.canonicalizedBody().base64()
            + "\",\"integratedTime\":"
            + e.integratedTime()
            + ",\"logID\":\""
            + e.logId().hex()
            + "\",\"logIndex\":"
            + e.logIndex()
            + "}";
    try {
      log.setVerifier()
          .verify(signed.getBytes(StandardCharsets.UTF_8), e.signedEntryTimestamp().toArray());
    } catch (SignatureCheckException ex) {
      throw new VerificationException(
          "transparency log: "
              + where
              + " signed entry timestamp does not verify: "
              + ex.getMessage(),
          ex);
    }
    return Optional.of(t);
  }

  /**
   * Verifies the inclusion proof: the checkpoint is signed by the log (any signature line of the
   * log's key; other lines ignored), its origin is the log's, its size and root are the proof's,
   * and the leaf hash of the canonical body is included under that root.
   *
   * @return true if the entry had a proof (which verified); false if it had none
   */
  public static boolean verifyProof(TlogEntry e, TrustedTlog log, String where)
      throws VerificationException {
    if (e.inclusionProof() == null) {
      return false;
    }
    InclusionProof p = e.inclusionProof();
    // A Rekor v2 log (hashedrekord/dsse 0.0.2 bodies) is one tree per URL: the entry's index is
    // its index in that tree. Rekor v1 entries (intoto 0.0.2 included) carry a global index
    // across shards, which may differ from the proof's.
    boolean rekorV2 =
        e.version().equals("0.0.2") && (e.kind().equals("hashedrekord") || e.kind().equals("dsse"));
    if (rekorV2 && e.logIndex() != p.logIndex()) {
      throw new VerificationException(
          "transparency log: "
              + where
              + " log index "
              + e.logIndex()
              + " differs from its inclusion proof's index "
              + p.logIndex());
    }
    if (p.checkpoint().isEmpty()) {
      throw new VerificationException(
          "transparency log: " + where + " inclusion proof has no checkpoint");
    }
    List<Hash> path = new ArrayList<>();
    Hash root;
    try {
      root = Hash.of(p.rootHash().toArray());
      for (var h : p.hashes()) {
        path.add(Hash.of(h.toArray()));
      }
    } catch (IllegalArgumentException ex) {
      throw new VerificationException(
          "inclusion proof: " + where + " has a hash that is not 32 bytes", ex);
    }
    CheckpointedProof.verify(
        p.checkpoint(),
        log.checkpoints(),
        CheckpointedProof.Origin.SIGNER_NAME_OR_REKOR_V1,
        p.logIndex(),
        p.treeSize(),
        root,
        path,
        e.canonicalizedBody().toArray(),
        where);
    return true;
  }
}
