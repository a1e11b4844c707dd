package dev.hallmark.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.hallmark.core.merkle.internal.ConsistencyPath;
import dev.hallmark.core.merkle.internal.InclusionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ProofBuilder + MemoryTree + MerkleVerifier against {@link ReferenceMerkle} on random trees. */
class ReferenceCrossCheckTest {
  private static final int BIG = 100_000;
  private static ReferenceMerkle reference;
  private static MemoryTree tree;
  private static ProofBuilder builder;

  @BeforeAll
  static void buildTrees() {
    Random random = new Random(6962);
    List<byte[]> entries = new ArrayList<>();
    tree = new MemoryTree();
    for (int i = 0; i < BIG; i++) {
      byte[] entry = new byte[random.nextInt(40)];
      random.nextBytes(entry);
      entries.add(entry);
      tree.append(Hash.of(ReferenceMerkle.leaf(entry)));
    }
    reference = new ReferenceMerkle(entries);
    builder = new ProofBuilder(tree);
  }

  @Test
  void rootsOfEverySizeUpTo2000() {
    MemoryTree growing = new MemoryTree();
    ProofBuilder growingBuilder = new ProofBuilder(growing);
    for (int size = 0; size <= 2000; size++) {
      Hash want = Hash.of(reference.mth(0, size));
      assertThat(builder.root(size)).as("prefix root %d", size).isEqualTo(want);
      assertThat(growingBuilder.root(size)).as("root at size %d", size).isEqualTo(want);
      growing.append(tree.subtree(0, size));
    }
    assertThat(builder.root(BIG)).isEqualTo(Hash.of(reference.mth(0, BIG)));
  }

  @Test
  void everyProofOfSmallTrees() throws ProofException {
    for (long size = 1; size <= 40; size++) {
      Hash root = builder.root(size);
      for (long index = 0; index < size; index++) {
        List<Hash> proof = builder.inclusionProof(index, size);
        assertThat(proof).isEqualTo(hashes(reference.path(index, size)));
        assertThat(proof).hasSize(InclusionCheck.expectedLength(index, size));
        MerkleVerifier.verifyInclusion(index, size, tree.subtree(0, index), proof, root);
      }
      for (long size1 = 1; size1 <= size; size1++) {
        List<Hash> proof = builder.consistencyProof(size1, size);
        assertThat(proof).isEqualTo(hashes(reference.proof(size1, size)));
        assertThat(proof).hasSize(ConsistencyPath.expectedLength(size1, size));
        MerkleVerifier.verifyConsistency(size1, size, builder.root(size1), root, proof);
      }
    }
  }

  @Test
  void randomInclusionProofs() {
    Random random = new Random(1);
    for (int i = 0; i < 3000; i++) {
      long size = randomSize(random);
      long index = random.nextInt(4) == 0 ? size - 1 : (long) (random.nextDouble() * size);
      List<Hash> proof = builder.inclusionProof(index, size);
      assertThat(proof)
          .as("PATH(%d, %d)", index, size)
          .isEqualTo(hashes(reference.path(index, size)));
      Hash root = Hash.of(reference.mth(0, size));
      assertThatCode(
              () ->
                  MerkleVerifier.verifyInclusion(index, size, tree.subtree(0, index), proof, root))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void randomConsistencyProofs() {
    Random random = new Random(2);
    for (int i = 0; i < 3000; i++) {
      long size2 = randomSize(random);
      long size1 = random.nextInt(4) == 0 ? size2 : 1 + (long) (random.nextDouble() * size2);
      List<Hash> proof = builder.consistencyProof(size1, size2);
      assertThat(proof)
          .as("PROOF(%d, %d)", size1, size2)
          .isEqualTo(hashes(reference.proof(size1, size2)));
      Hash root1 = Hash.of(reference.mth(0, size1));
      Hash root2 = Hash.of(reference.mth(0, size2));
      assertThatCode(() -> MerkleVerifier.verifyConsistency(size1, size2, root1, root2, proof))
          .doesNotThrowAnyException();
    }
  }

  /** Uniform sizes, powers of two and their neighbours, all within 1..BIG. */
  private static long randomSize(Random random) {
    switch (random.nextInt(3)) {
      case 0:
        return 1 + random.nextInt(BIG);
      case 1:
        long p = 1L << random.nextInt(17);
        return Math.max(1, Math.min(BIG, p + random.nextInt(3) - 1));
      default:
        return 1 + random.nextInt(300);
    }
  }

  static List<Hash> hashes(List<byte[]> raw) {
    List<Hash> out = new ArrayList<>();
    raw.forEach(b -> out.add(Hash.of(b)));
    return out;
  }
}
