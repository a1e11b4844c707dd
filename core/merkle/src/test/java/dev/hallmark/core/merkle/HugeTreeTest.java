package dev.hallmark.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proofs on sparse synthetic trees of up to 2^63-1 leaves ({@link SparseTree}): the arithmetic of
 * ProofBuilder and MerkleVerifier must hold for every long size.
 *
 * <p>Changing a size by one does not always invalidate a proof: when (index, size±1) has the same
 * proof shape as (index, size) (same length, same left/right pattern), the verifier cannot tell
 * them apart and must accept. The expected outcome is therefore taken from the shape computed by
 * the RFC recursion in {@link ReferenceMerkle}; a flipped bit or a changed index is always
 * rejected.
 */
class HugeTreeTest {
  private static final long MAX = Long.MAX_VALUE;
  private static final long P62 = 1L << 62;

  static Stream<Arguments> inclusionCases() {
    long[] sizes = {MAX, MAX - 1, P62 + 1, P62, P62 - 1, (1L << 32) + 1, 3 * (1L << 40) + 5};
    List<Arguments> out = new ArrayList<>();
    Random random = new Random(63);
    for (long size : sizes) {
      for (long index : new long[] {0, 1, size - 1, size - 2, size / 2, P62 - 1}) {
        if (index >= 0 && index < size) {
          out.add(Arguments.of(index, size));
        }
      }
      out.add(Arguments.of(Math.floorMod(random.nextLong(), size), size));
    }
    for (int i = 0; i < 20; i++) {
      long size = 2 + Math.floorMod(random.nextLong(), MAX - 1);
      out.add(Arguments.of(Math.floorMod(random.nextLong(), size), size));
    }
    return out.stream();
  }

  static Stream<Arguments> consistencyCases() {
    List<Arguments> out = new ArrayList<>();
    long[][] pairs = {
      {1, MAX},
      {P62, MAX},
      {MAX - 1, MAX},
      {P62 + 1, P62 + 2},
      {P62 - 1, P62},
      {P62, P62 + 1},
      {3, MAX},
      {(1L << 32) + 7, MAX - 12345},
      {MAX, MAX}
    };
    for (long[] p : pairs) {
      out.add(Arguments.of(p[0], p[1]));
    }
    Random random = new Random(64);
    for (int i = 0; i < 20; i++) {
      long size2 = 2 + Math.floorMod(random.nextLong(), MAX - 1);
      long size1 = 1 + Math.floorMod(random.nextLong(), size2 - 1);
      out.add(Arguments.of(size1, size2));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "leaf {0} of {1}")
  @MethodSource("inclusionCases")
  void inclusionProofsVerifyAndMutationsFail(long index, long size) throws ProofException {
    SparseTree tree =
        new SparseTree(size, index - 1, index, index + 1, size - 1, size - 2, size / 3);
    ProofBuilder builder = new ProofBuilder(tree);
    Hash root = builder.root(size);
    Hash leaf = tree.leaf(index);
    List<Hash> proof = builder.inclusionProof(index, size);
    assertThat(proof.size()).isLessThanOrEqualTo(63);
    MerkleVerifier.verifyInclusion(index, size, leaf, proof, root);

    for (int i = 0; i < proof.size(); i++) {
      List<Hash> flipped = new ArrayList<>(proof);
      flipped.set(i, flipBit(proof.get(i), i * 7));
      assertRejected(() -> MerkleVerifier.verifyInclusion(index, size, leaf, flipped, root));
    }
    assertRejected(
        () -> MerkleVerifier.verifyInclusion(index, size, flipBit(leaf, 3), proof, root));
    assertRejected(
        () -> MerkleVerifier.verifyInclusion(index, size, leaf, proof, flipBit(root, 9)));
    assertRejected(() -> MerkleVerifier.verifyInclusion(index + 1, size, leaf, proof, root));
    assertRejected(() -> MerkleVerifier.verifyInclusion(index - 1, size, leaf, proof, root));
    for (long otherSize : new long[] {size - 1, size + 1}) {
      boolean sameShape =
          otherSize > index
              && ReferenceMerkle.pathShape(index, otherSize)
                  .equals(ReferenceMerkle.pathShape(index, size));
      if (sameShape) {
        MerkleVerifier.verifyInclusion(index, otherSize, leaf, proof, root);
      } else {
        assertRejected(() -> MerkleVerifier.verifyInclusion(index, otherSize, leaf, proof, root));
      }
    }
    if (proof.size() > 0) {
      assertRejected(
          () ->
              MerkleVerifier.verifyInclusion(
                  index, size, leaf, proof.subList(1, proof.size()), root));
    }
    List<Hash> longer = new ArrayList<>(proof);
    longer.add(root);
    assertRejected(() -> MerkleVerifier.verifyInclusion(index, size, leaf, longer, root));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("consistencyCases")
  void consistencyProofsVerifyAndMutationsFail(long size1, long size2) throws ProofException {
    SparseTree tree =
        new SparseTree(size2, 0, size1 - 2, size1 - 1, size1, size2 - 2, size2 - 1, size1 / 2);
    ProofBuilder builder = new ProofBuilder(tree);
    Hash root1 = builder.root(size1);
    Hash root2 = builder.root(size2);
    List<Hash> proof = builder.consistencyProof(size1, size2);
    assertThat(proof.size()).isLessThanOrEqualTo(64);
    MerkleVerifier.verifyConsistency(size1, size2, root1, root2, proof);
    assertThat(CompactRange.of(size1, tree).root()).isEqualTo(root1);
    assertThat(CompactRange.of(size2, tree).root()).isEqualTo(root2);

    for (int i = 0; i < proof.size(); i++) {
      List<Hash> flipped = new ArrayList<>(proof);
      flipped.set(i, flipBit(proof.get(i), 255 - i));
      assertRejected(() -> MerkleVerifier.verifyConsistency(size1, size2, root1, root2, flipped));
    }
    if (size1 == size2) {
      return;
    }
    assertRejected(
        () -> MerkleVerifier.verifyConsistency(size1, size2, flipBit(root1, 0), root2, proof));
    assertRejected(
        () -> MerkleVerifier.verifyConsistency(size1, size2, root1, flipBit(root2, 0), proof));
    assertRejected(() -> MerkleVerifier.verifyConsistency(size1, size2, root2, root1, proof));
    long[][] mutated = {
      {size1 - 1, size2}, {size1 + 1, size2}, {size1, size2 - 1}, {size1, size2 + 1}
    };
    List<String> shape = ReferenceMerkle.proofShape(size1, size2);
    for (long[] m : mutated) {
      boolean valid = m[0] > 0 && m[0] < m[1] && m[1] > 0;
      if (valid && ReferenceMerkle.proofShape(m[0], m[1]).equals(shape)) {
        MerkleVerifier.verifyConsistency(m[0], m[1], root1, root2, proof);
      } else {
        assertRejected(() -> MerkleVerifier.verifyConsistency(m[0], m[1], root1, root2, proof));
      }
    }
  }

  @Test
  void sizeMutationsCoverBothOutcomes() {
    // Guards the shape-based expectation above against being vacuous: far from the right edge a
    // size change often keeps the shape (accepted), near it the shape changes (rejected).
    int same = 0;
    int total = 0;
    for (Arguments a : inclusionCases().toList()) {
      long index = (long) a.get()[0];
      long size = (long) a.get()[1];
      for (long other : new long[] {size - 1, size + 1}) {
        total++;
        if (other > index
            && ReferenceMerkle.pathShape(index, other)
                .equals(ReferenceMerkle.pathShape(index, size))) {
          same++;
        }
      }
    }
    assertThat(same).isPositive();
    assertThat(total - same).isGreaterThanOrEqualTo(30);
    int consistencySame = 0;
    int consistencyTotal = 0;
    for (Arguments a : consistencyCases().toList()) {
      long size1 = (long) a.get()[0];
      long size2 = (long) a.get()[1];
      for (long[] m : new long[][] {{size1 - 1, size2}, {size1 + 1, size2}, {size1, size2 + 1}}) {
        if (size1 < size2 && m[0] > 0 && m[0] < m[1]) {
          consistencyTotal++;
          if (ReferenceMerkle.proofShape(m[0], m[1])
              .equals(ReferenceMerkle.proofShape(size1, size2))) {
            consistencySame++;
          }
        }
      }
    }
    assertThat(consistencyTotal - consistencySame).isGreaterThanOrEqualTo(30);
  }

  @Test
  void sourceReadsStayInsideTheTree() {
    SparseTree tree = new SparseTree(MAX, MAX - 1);
    ProofBuilder builder = new ProofBuilder(tree);
    assertThatCode(() -> builder.inclusionProof(MAX - 1, MAX)).doesNotThrowAnyException();
    assertThatThrownBy(() -> builder.inclusionProof(MAX, MAX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.subtree(63, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  static Hash flipBit(Hash h, int bit) {
    byte[] b = h.toBytes();
    b[(bit / 8) % Hash.SIZE] ^= (byte) (1 << (bit % 8));
    return Hash.of(b);
  }

  interface Check {
    void run() throws ProofException;
  }

  static void assertRejected(Check check) {
    assertThatThrownBy(check::run).isInstanceOf(ProofException.class);
  }
}
