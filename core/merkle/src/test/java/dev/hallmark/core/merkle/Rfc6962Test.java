package dev.hallmark.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known values of transparency-log.md §1.1 and rfc6962-roots.json. */
class Rfc6962Test {
  private static final JsonNode ROOTS =
      Vectors.read(Vectors.resource("/merkle/rfc6962-roots.json"));

  @Test
  void knownValuesTable() {
    assertThat(Rfc6962.emptyRoot().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Rfc6962.leafHash(new byte[0]).hex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    assertThat(Rfc6962.leafHash("L123456".getBytes(StandardCharsets.US_ASCII)).hex())
        .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
    // Children of 4 bytes cannot be Hash values; check the reference's node function instead.
    assertThat(
            HexFormat.of()
                .formatHex(
                    ReferenceMerkle.node(
                        "N123".getBytes(StandardCharsets.US_ASCII),
                        "N456".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    MemoryTree tree = new MemoryTree();
    standardLeaves().forEach(e -> tree.append(Rfc6962.leafHash(e)));
    assertThat(new ProofBuilder(tree).root(8).hex())
        .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
  }

  @Test
  void leafHashesAndRootsOfTheStandardLeaves() {
    List<byte[]> leaves = standardLeaves();
    MemoryTree tree = new MemoryTree();
    CompactRange range = CompactRange.empty();
    ReferenceMerkle ref = new ReferenceMerkle(leaves);
    assertThat(range.root().hex()).isEqualTo(ROOTS.get("roots").get(0).get("rootHex").asText());
    for (int i = 0; i < leaves.size(); i++) {
      Hash leaf = Rfc6962.leafHash(leaves.get(i));
      assertThat(leaf.hex()).isEqualTo(ROOTS.get("leafHashesHex").get(i).asText());
      tree.append(leaf);
      range.append(leaf);
    }
    ProofBuilder builder = new ProofBuilder(tree);
    for (JsonNode r : ROOTS.get("roots")) {
      int size = r.get("treeSize").asInt();
      String want = r.get("rootHex").asText();
      assertThat(builder.root(size).hex()).as("root %d", size).isEqualTo(want);
      assertThat(HexFormat.of().formatHex(ref.mth(0, size))).as("ref %d", size).isEqualTo(want);
    }
    assertThat(range.root().hex()).isEqualTo(ROOTS.get("roots").get(8).get("rootHex").asText());
  }

  @Test
  void nodeHashesOfTheStandardTree() {
    MemoryTree tree = new MemoryTree();
    standardLeaves().forEach(e -> tree.append(Rfc6962.leafHash(e)));
    JsonNode levels = ROOTS.get("nodeHashesHex");
    for (int level = 0; level <= 3; level++) {
      JsonNode hashes = levels.get("level" + level);
      assertThat(hashes).hasSize(8 >> level);
      for (int i = 0; i < hashes.size(); i++) {
        assertThat(tree.subtree(level, i).hex()).isEqualTo(hashes.get(i).asText());
        if (level > 0) {
          Hash built =
              Rfc6962.nodeHash(tree.subtree(level - 1, 2 * i), tree.subtree(level - 1, 2 * i + 1));
          assertThat(built.hex()).isEqualTo(hashes.get(i).asText());
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "2, 1",
    "3, 2",
    "4, 2",
    "5, 4",
    "8, 4",
    "9, 8",
    "1025, 1024",
    "4611686018427387904, 2305843009213693952",
    "4611686018427387905, 4611686018427387904",
    "9223372036854775807, 4611686018427387904"
  })
  void largestPowerOfTwoBelow(long n, long k) {
    assertThat(Rfc6962.largestPowerOfTwoBelow(n)).isEqualTo(k);
    assertThat(ReferenceMerkle.split(n)).isEqualTo(k);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 0, -1, Long.MIN_VALUE})
  void largestPowerOfTwoBelowNeedsTwo(long n) {
    assertThatThrownBy(() -> Rfc6962.largestPowerOfTwoBelow(n))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<byte[]> standardLeaves() {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode hex : ROOTS.get("leafInputsHex")) {
      out.add(HexFormat.of().parseHex(hex.asText()));
    }
    return out;
  }
}
