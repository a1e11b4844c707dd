package dev.hallmark.tlog.internal.sequencer;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.ProofBuilder;
import dev.hallmark.core.merkle.ProofException;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteSignature;
import dev.hallmark.core.note.NoteSigner;
import dev.hallmark.core.note.SignedNote;
import dev.hallmark.tlog.LogSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What it takes to sign a new checkpoint: proof that the new tree is consistent with the last
 * signed one, then the signed note. Stateless.
 */
final class CheckpointSigning {
  private CheckpointSigning() {}

  /**
   * Refuses (with {@link IntegrityException}) a new root that is not provably consistent with the
   * last signed checkpoint; {@code proofs} reads the new tree.
   */
  static void proveConsistent(LogSnapshot previous, long size, Hash root, ProofBuilder proofs)
      throws IntegrityException {
    if (previous == null || previous.size() == 0) {
      return;
    }
    long oldSize = previous.size();
    try {
      MerkleVerifier.verifyConsistency(
          oldSize,
          size,
          previous.rootHash(),
          root,
          oldSize == size ? List.of() : proofs.consistencyProof(oldSize, size));
    } catch (ProofException e) {
      throw new IntegrityException(
          "new tree of size " + size + " is not consistent with the signed checkpoint: " + e);
    }
  }

  /** The C2SP checkpoint note for (origin, size, root), signed by {@code signer}. */
  static String sign(String origin, long size, Hash root, NoteSigner signer) {
    String body = new Checkpoint(origin, size, root, List.of()).body();
    byte[] signature = signer.sign(body.getBytes(StandardCharsets.UTF_8));
    return new SignedNote(
            body, List.of(new NoteSignature(signer.name(), signer.keyId(), signature)))
        .format();
  }
}
