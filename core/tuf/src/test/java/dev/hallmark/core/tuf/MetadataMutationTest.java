package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of real metadata (byte flips, JSON-token splices, truncations) in every
 * build: the parsers throw nothing but their checked exception and whatever they accept round-trips
 * (see {@link MetadataProperties}).
 */
class MetadataMutationTest {
  private static final int ROUNDS = 300;
  private static final List<byte[]> SEEDS = new ArrayList<>();
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "0",
    "-1",
    "1.5",
    "1e9",
    "true",
    "null",
    "\"\"",
    "99999999999999999999",
    "\"_type\"",
    "\"root\"",
    "\"version\"",
    "\"keyid\"",
    "\u00e9",
    "\\u0000"
  };

  @BeforeAll
  static void loadSeeds() throws IOException {
    for (String name : List.of("sigstore-root", "timestamp", "targets", "snapshot", "signature")) {
      String path = "/dev/hallmark/core/tuf/MetadataFuzzTestInputs/parse/" + name;
      try (InputStream in = MetadataMutationTest.class.getResourceAsStream(path)) {
        SEEDS.add(in.readAllBytes());
      }
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedMetadataIsRefusedCleanlyOrRoundTrips(long seed) throws Exception {
    Random random = new Random(seed);
    int parsed = 0;
    for (int i = 0; i < ROUNDS; i++) {
      byte[] base = SEEDS.get(random.nextInt(SEEDS.size()));
      if (MetadataProperties.check(mutate(base, random))) {
        parsed++;
      }
    }
    // mutations inside string values keep some files valid; most break them
    assertThat(parsed).isLessThan(ROUNDS);
  }

  private static byte[] mutate(byte[] in, Random random) {
    byte[] out = in.clone();
    switch (random.nextInt(4)) {
      case 0:
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
      case 1:
        String s = new String(in, StandardCharsets.UTF_8);
        int at = random.nextInt(s.length());
        return (s.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(at))
            .getBytes(StandardCharsets.UTF_8);
      case 2:
        String t = new String(in, StandardCharsets.UTF_8);
        int from = random.nextInt(t.length());
        int to = Math.min(t.length(), from + 1 + random.nextInt(20));
        return (t.substring(0, from) + t.substring(to)).getBytes(StandardCharsets.UTF_8);
      default:
        return java.util.Arrays.copyOf(in, random.nextInt(in.length));
    }
  }
}
