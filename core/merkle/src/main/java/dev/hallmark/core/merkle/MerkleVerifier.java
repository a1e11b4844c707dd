package dev.hallmark.core.merkle;

import dev.hallmark.core.merkle.internal.ConsistencyCheck;
import dev.hallmark.core.merkle.internal.InclusionCheck;
import java.util.List;
import java.util.Objects;

/**
 * Verification of RFC 6962 inclusion and consistency proofs, exactly as RFC 9162 §2.1.3.2 and
 * §2.1.4.2 (with the edge cases of the transparency-dev/merkle vectors). Security checks return
 * nothing and throw {@link ProofException}; messages show the computed and the expected root.
 *
 * <p>Indices and sizes are 0..2<sup>63</sup>−1; a negative value (an unsigned value of
 * 2<sup>63</sup> or more) is rejected with a {@link ProofException}. A proof must have exactly the
 * expected number of hashes for its sizes. Null arguments or proof elements cause a {@link
 * NullPointerException}. All methods are thread-safe.
 */
public final class MerkleVerifier {
  private MerkleVerifier() {}

  /**
   * Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose
   * root is {@code root}.
   *
   * @param proof the audit path, leaf-to-root
   * @throws ProofException if {@code index >= size}, the proof has the wrong length, or the
   *     computed root differs from {@code root}
   */
  public static void verifyInclusion(
      long index, long size, Hash leafHash, List<Hash> proof, Hash root) throws ProofException {
    Objects.requireNonNull(root, "root");
    Hash computed = rootFromInclusionProof(index, size, leafHash, proof);
    if (!computed.equals(root)) {
      throw new ProofException(
          "inclusion proof for leaf "
              + index
              + " in a tree of size "
              + size
              + " does not match the root: computed "
              + computed
              + ", expected "
              + root);
    }
  }

  /**
   * The root implied by an inclusion proof, for callers that compare it with a root they obtain
   * afterwards (for example from a checkpoint). Does not by itself prove anything.
   *
   * @throws ProofException if {@code index >= size} or the proof has the wrong length
   */
  public static Hash rootFromInclusionProof(long index, long size, Hash leafHash, List<Hash> proof)
      throws ProofException {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(proof, "proof");
    return InclusionCheck.rootFromProof(index, size, leafHash, proof);
  }

  /**
   * Verifies that the tree of {@code size2} leaves with root {@code root2} is an append-only
   * extension of the tree of {@code size1} leaves with root {@code root1}.
   *
   * <p>Fails if {@code size1 > size2}; fails if {@code size1 == 0}, even from 0 to 0 (a proof from
   * the empty tree is meaningless; callers such as a witness handle an old size of 0 themselves);
   * when {@code size1 == size2}, succeeds iff the proof is empty and the roots are equal.
   *
   * @param proof the consistency proof, leaf-to-root, as produced by {@link
   *     ProofBuilder#consistencyProof}
   * @throws ProofException if any of the checks above fails, the proof has the wrong length, or a
   *     recomputed root differs from the given one
   */
  public static void verifyConsistency(
      long size1, long size2, Hash root1, Hash root2, List<Hash> proof) throws ProofException {
    Objects.requireNonNull(root1, "root1");
    Objects.requireNonNull(root2, "root2");
    Objects.requireNonNull(proof, "proof");
    ConsistencyCheck.verify(size1, size2, root1, root2, proof);
  }
}
