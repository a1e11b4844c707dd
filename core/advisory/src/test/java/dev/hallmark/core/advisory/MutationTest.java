package dev.hallmark.core.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of real CSAF, OSV (JSON and YAML) and CVE documents: the reader either
 * accepts or throws {@link AdvisoryFormatException}, never anything else.
 */
class MutationTest {
  private static final List<String> SEEDS =
      List.of(
          Vectors.CSAF + "examples/csaf/csaf_vex/2022-evd-uc-03-ms-001.json",
          Vectors.TRUSTIFY + "osv/RUSTSEC-2021-0079.json",
          Vectors.TRUSTIFY + "osv/RSEC-2023-6.yaml",
          Vectors.TRUSTIFY + "cve/CVE-2024-26308.json");

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutations(long seed) throws Exception {
    Random r = new Random(seed);
    AdvisoryReader reader = new AdvisoryReader(1 << 20, 40, CsafValidation.STRICT);
    for (int i = 0; i < 150; i++) {
      String path = SEEDS.get(r.nextInt(SEEDS.size()));
      byte[] doc = mutate(r, Files.readAllBytes(Vectors.root().resolve(path)));
      try {
        assertThat(reader.read(doc).id()).isNotNull();
      } catch (AdvisoryFormatException expected) {
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
          b[at] = (byte) "{}[]\":,-: 0".charAt(r.nextInt(11));
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
