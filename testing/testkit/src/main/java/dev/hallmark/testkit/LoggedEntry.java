package dev.hallmark.testkit;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.ProofException;
import dev.hallmark.core.merkle.Rfc6962;
import java.util.List;

/**
 * What a 201 answer to {@code POST /api/v2/log/entries} says: the entry's index, its canonical
 * body, and the inclusion proof against the signed checkpoint it carries.
 *
 * @param checkpoint the signed note of the proof's tree ({@code inclusionProof.checkpoint})
 */
public record LoggedEntry(
    long index, long treeSize, Hash rootHash, List<Hash> proof, String checkpoint, byte[] body) {
  public LoggedEntry {
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("index " + index + " not in tree of size " + treeSize);
    }
    proof = List.copyOf(proof);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * Checks that the proof puts the body at the index in the tree with the given root. (Whether that
   * root is the one the checkpoint signs is {@link LogAuditor#checkCheckpoints}' job.)
   */
  public void verifyInclusion() throws ProofException {
    MerkleVerifier.verifyInclusion(index, treeSize, Rfc6962.leafHash(body), proof, rootHash);
  }
}
