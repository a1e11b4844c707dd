package dev.hallmark.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every transparency-dev/merkle inclusion vector (src/test/resources/merkle/inclusion). */
class InclusionVectorsTest {
  static Stream<Arguments> vectors() {
    return Vectors.family("inclusion");
  }

  @Test
  void allFilesArePresent() {
    assertThat(vectors().count()).isEqualTo(98);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void verifiesAsExpected(String name, JsonNode v) {
    long index = Vectors.uint64(v.get("leafIdx"));
    long size = Vectors.uint64(v.get("treeSize"));
    boolean wantErr = v.get("wantErr").asBoolean();
    Hash leaf;
    Hash root;
    List<Hash> proof;
    try {
      leaf = Vectors.hash(v, "leafHash");
      root = Vectors.hash(v, "root");
      proof = Vectors.proof(v);
    } catch (IllegalArgumentException notA32ByteHash) {
      // A hash that is not 32 bytes cannot even be represented: that is a rejection.
      assertThat(wantErr).as("%s has a malformed hash but expects success", name).isTrue();
      return;
    }
    if (wantErr) {
      assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(index, size, leaf, proof, root))
          .isInstanceOf(ProofException.class);
    } else {
      assertThatCode(() -> MerkleVerifier.verifyInclusion(index, size, leaf, proof, root))
          .doesNotThrowAnyException();
    }
  }
}
