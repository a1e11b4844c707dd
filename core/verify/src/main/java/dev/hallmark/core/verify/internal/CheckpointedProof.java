package dev.hallmark.core.verify.internal;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.ProofException;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteFormatException;
import dev.hallmark.core.note.NoteVerificationException;
import dev.hallmark.core.note.NoteVerifierSet;
import dev.hallmark.core.note.VerifiedNote;
import dev.hallmark.core.verify.VerificationException;
import java.util.List;

/**
 * The one inclusion check for transparency-log entries (bundles and single Rekor v2 answers): the
 * checkpoint is signed by the log (any line of its key; unknown lines ignored), its origin is the
 * log's, its size and root are the proof's, and the leaf hash of the entry's canonical body is
 * included under that root.
 */
public final class CheckpointedProof {
  /** Which checkpoint origins a log may use. */
  public enum Origin {
    /** C2SP: the origin is the signer's name (Rekor v2, Hallmark's logs). */
    SIGNER_NAME,
    /** The signer's name, or Rekor v1's {@code "<name> - <treeID>"}. */
    SIGNER_NAME_OR_REKOR_V1
  }

  private CheckpointedProof() {}

  /**
   * Verifies and returns the checkpoint.
   *
   * @param checkpoint the signed checkpoint note
   * @param keys the log's checkpoint keys
   * @param origin the origin rule
   * @param index the entry's index in the proof's tree
   * @param treeSize the proof's tree size
   * @param root the proof's root hash
   * @param path the audit path
   * @param body the entry's canonical body
   * @param where names the entry in messages
   * @throws VerificationException naming the failed check: {@code checkpoint:} or {@code inclusion
   *     proof:}
   */
  public static Checkpoint verify(
      String checkpoint,
      NoteVerifierSet keys,
      Origin origin,
      long index,
      long treeSize,
      Hash root,
      List<Hash> path,
      byte[] body,
      String where)
      throws VerificationException {
    Checkpoint cp;
    String signer;
    try {
      VerifiedNote note = keys.verify(checkpoint);
      signer = note.verified().get(0).name();
      cp = Checkpoint.parse(note.note().text());
    } catch (NoteVerificationException | NoteFormatException ex) {
      throw new VerificationException(
          "checkpoint: " + where + " checkpoint is not signed by the log: " + ex.getMessage(), ex);
    }
    boolean originOk =
        cp.origin().equals(signer)
            || (origin == Origin.SIGNER_NAME_OR_REKOR_V1 && cp.origin().startsWith(signer + " - "));
    if (!originOk) {
      throw new VerificationException(
          "checkpoint: "
              + where
              + " checkpoint origin \""
              + cp.origin()
              + "\" is not the log's ("
              + signer
              + ")");
    }
    if (cp.size() != treeSize || !cp.rootHash().equals(root)) {
      throw new VerificationException(
          "inclusion proof: "
              + where
              + " proof is for size "
              + treeSize
              + " root "
              + root
              + " but the checkpoint signs size "
              + cp.size()
              + " root "
              + cp.rootHash());
    }
    try {
      MerkleVerifier.verifyInclusion(index, cp.size(), Rfc6962.leafHash(body), path, root);
    } catch (ProofException | IllegalArgumentException ex) {
      throw new VerificationException(
          "inclusion proof: " + where + " does not prove the entry: " + ex.getMessage(), ex);
    }
    return cp;
  }
}
