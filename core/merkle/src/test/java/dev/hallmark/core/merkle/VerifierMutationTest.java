package dev.hallmark.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random inputs and mutations of real proofs: the verifier may only accept or throw
 * ProofException, never anything else (no overflow, no index errors), whatever the sizes.
 */
class VerifierMutationTest {
  private static final int TREE = 300;
  private static final MemoryTree TREE_HASHES = new MemoryTree();
  private static final ProofBuilder BUILDER = new ProofBuilder(TREE_HASHES);

  static {
    for (int i = 0; i < TREE; i++) {
      TREE_HASHES.append(Rfc6962.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomInputsOnlyEverThrowProofException(long seed) {
    Random random = new Random(seed);
    int accepted = 0;
    for (int i = 0; i < 4000; i++) {
      long a = randomLong(random);
      long b = randomLong(random);
      List<Hash> proof = randomProof(random, random.nextInt(70));
      Hash x = randomHash(random);
      Hash y = random.nextInt(10) == 0 ? x : randomHash(random);
      try {
        switch (random.nextInt(3)) {
          case 0:
            MerkleVerifier.verifyInclusion(a, b, x, proof, y);
            fail("random inclusion proof accepted: %d %d %s", a, b, proof);
            break;
          case 1:
            MerkleVerifier.rootFromInclusionProof(a, b, x, proof);
            accepted++;
            break;
          default:
            MerkleVerifier.verifyConsistency(a, b, x, y, proof);
            // Only the trivial statement can pass with random data.
            assertThat(a).isEqualTo(b).isPositive();
            assertThat(proof).isEmpty();
            assertThat(x).isEqualTo(y);
            accepted++;
        }
      } catch (ProofException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(accepted).isLessThan(4000);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void mutatedRealProofsAreRejected(long seed) throws ProofException {
    Random random = new Random(seed);
    for (int i = 0; i < 1500; i++) {
      long size2 = 1 + random.nextInt(TREE);
      long size1 = 1 + random.nextInt((int) size2);
      long index = random.nextInt((int) size2);
      Hash root1 = BUILDER.root(size1);
      Hash root2 = BUILDER.root(size2);
      Hash leaf = TREE_HASHES.subtree(0, index);
      List<Hash> inclusion = BUILDER.inclusionProof(index, size2);
      List<Hash> consistency = BUILDER.consistencyProof(size1, size2);
      MerkleVerifier.verifyInclusion(index, size2, leaf, inclusion, root2);
      MerkleVerifier.verifyConsistency(size1, size2, root1, root2, consistency);
      List<Hash> badInclusion = mutate(random, inclusion);
      if (!badInclusion.equals(inclusion)) {
        assertThatThrownBy(
                () -> MerkleVerifier.verifyInclusion(index, size2, leaf, badInclusion, root2))
            .isInstanceOf(ProofException.class);
      }
      List<Hash> badConsistency = mutate(random, consistency);
      if (!badConsistency.equals(consistency)) {
        assertThatThrownBy(
                () -> MerkleVerifier.verifyConsistency(size1, size2, root1, root2, badConsistency))
            .isInstanceOf(ProofException.class);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "1, 0",
    "5, 5",
    "-1, 5",
    "0, -1",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, 1"
  })
  void inclusionIndexOutOfRangeFails(long index, long size) {
    Hash h = Rfc6962.emptyRoot();
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(index, size, h, List.of(), h))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void consistencyEdgeCases() {
    Hash r = Rfc6962.emptyRoot();
    Hash s = Rfc6962.leafHash(new byte[0]);
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(0, 0, r, r, List.of()))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("empty tree");
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(2, 1, r, r, List.of()))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(3, 3, r, s, List.of()))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(3, 3, r, r, List.of(r)))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(-3, 3, r, r, List.of()))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(3, 4, r, s, List.of()))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void messagesShowComputedAndExpectedRoots() throws ProofException {
    Hash root = BUILDER.root(10);
    Hash wrong = BUILDER.root(9);
    List<Hash> proof = BUILDER.inclusionProof(3, 10);
    Hash computed = MerkleVerifier.rootFromInclusionProof(3, 10, TREE_HASHES.subtree(0, 3), proof);
    assertThat(computed).isEqualTo(root);
    assertThatThrownBy(
            () -> MerkleVerifier.verifyInclusion(3, 10, TREE_HASHES.subtree(0, 3), proof, wrong))
        .hasMessageContaining(root.hex())
        .hasMessageContaining(wrong.hex());
    assertThatThrownBy(
            () ->
                MerkleVerifier.verifyInclusion(
                    3, 10, TREE_HASHES.subtree(0, 3), proof.subList(0, 2), root))
        .hasMessageContaining("must have " + proof.size() + " hashes, got 2");
    List<Hash> consistency = BUILDER.consistencyProof(3, 10);
    assertThatThrownBy(
            () -> MerkleVerifier.verifyConsistency(3, 10, BUILDER.root(3), wrong, consistency))
        .hasMessageContaining(root.hex())
        .hasMessageContaining(wrong.hex());
  }

  /** One random mutation: flip a bit, drop, duplicate, insert, swap or truncate. */
  private static List<Hash> mutate(Random random, List<Hash> proof) {
    List<Hash> out = new ArrayList<>(proof);
    int n = out.size();
    switch (random.nextInt(6)) {
      case 0:
        if (n > 0) {
          int i = random.nextInt(n);
          out.set(i, HugeTreeTest.flipBit(out.get(i), random.nextInt(256)));
        }
        break;
      case 1:
        if (n > 0) {
          out.remove(random.nextInt(n));
        }
        break;
      case 2:
        if (n > 0) {
          int i = random.nextInt(n);
          out.add(i, out.get(i));
        }
        break;
      case 3:
        out.add(random.nextInt(n + 1), randomHash(random));
        break;
      case 4:
        if (n > 1) {
          int i = random.nextInt(n - 1);
          Hash t = out.get(i);
          out.set(i, out.get(i + 1));
          out.set(i + 1, t);
        }
        break;
      default:
        out = out.subList(0, random.nextInt(n + 1));
    }
    return out;
  }

  private static long randomLong(Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return random.nextLong();
      case 1:
        return Long.MAX_VALUE - random.nextInt(3);
      case 2:
        return (1L << random.nextInt(63)) + random.nextInt(3) - 1;
      default:
        return random.nextInt(70);
    }
  }

  private static List<Hash> randomProof(Random random, int length) {
    List<Hash> out = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      out.add(randomHash(random));
    }
    return out;
  }

  private static Hash randomHash(Random random) {
    byte[] b = new byte[Hash.SIZE];
    random.nextBytes(b);
    return Hash.of(b);
  }
}
