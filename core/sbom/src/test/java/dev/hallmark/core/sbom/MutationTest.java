package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of small real documents of every format (and of a gzip one): the reader
 * either accepts or throws {@link SbomFormatException}, never anything else.
 */
class MutationTest {
  private static final List<String> SEEDS =
      List.of(
          "cyclonedx/spec-tests/1.6/valid-bom-1.6.json",
          "cyclonedx/spec-tests/1.6/valid-bom-1.6.xml",
          "cyclonedx/spec-tests/1.6/valid-cryptography-full-1.6.json",
          "spdx/presentations/OSS-NA-2023/SPDXVersion2.3/03-SBOMwDependency.json",
          "spdx/software/example1/spdx3.0/example1.json",
          "trustify/etc/test-data/cyclonedx/decompress/simple.json.gz");

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutations(long seed) throws Exception {
    Random r = new Random(seed);
    SbomReader reader = new SbomReader(new SbomLimits(1 << 20, 50, 1 << 16, 40));
    for (int i = 0; i < 150; i++) {
      String path = SEEDS.get(r.nextInt(SEEDS.size()));
      byte[] doc = mutate(r, Files.readAllBytes(Vectors.root().resolve(path)));
      try {
        SbomDocument parsed = reader.read(doc);
        assertThat(parsed.metadata()).isNotNull();
      } catch (SbomFormatException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " round " + i + " of " + path, e);
      }
    }
  }

  private static byte[] mutate(Random r, byte[] b) {
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(4)) {
        case 0:
          b[at] = (byte) r.nextInt(256);
          break;
        case 1:
          b = Arrays.copyOf(b, at);
          break;
        case 2:
          b[at] = (byte) "{}[]\":,<>/ 0".charAt(r.nextInt(12));
          break;
        default:
          int len = Math.min(b.length - at, 1 + r.nextInt(40));
          byte[] out = new byte[b.length - len];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + len, out, at, b.length - at - len);
          b = out;
      }
    }
    return b;
  }
}
