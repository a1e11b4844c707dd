package dev.hallmark.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of real bundles, trusted roots and a client trust config (byte flips,
 * truncations, JSON-significant characters inserted, digits changed): every parser either accepts
 * the input or throws {@link BundleFormatException}; nothing else escapes.
 */
class BundleMutationTest {
  private static final int ROUNDS = 300;
  private static final String JSON_BYTES = "{}[]\":,-0123456789 eE.+/=_\\nulltrue";
  private static final List<byte[]> SEEDS =
      List.of(
          Resources.bundle("happy-path-v0.1"),
          Resources.bundle("rekor2-happy-path"),
          Resources.bundle("happy-path-intoto-in-dsse-v3"),
          Resources.bundle("managed-key-happy-path"),
          Resources.read("sigstore-conformance/public-good-trusted_root.json"),
          Resources.read("model-signing/custom_trust_config.json"));

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void onlyFormatExceptionsEscape(long seed) {
    Random rnd = new Random(seed);
    int refused = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] in = mutate(SEEDS.get(rnd.nextInt(SEEDS.size())), rnd);
      List<String> outcomes = new ArrayList<>();
      outcomes.add(outcome(() -> Bundle.parse(in)));
      outcomes.add(outcome(() -> TrustedRoot.parse(in)));
      outcomes.add(outcome(() -> ClientTrustConfig.parse(in)));
      outcomes.add(outcome(() -> SigningConfig.parse(in)));
      refused += outcomes.stream().filter(o -> o.equals("refused")).count();
    }
    // every input is meant for at most two of the four parsers
    assertThat(refused).isGreaterThanOrEqualTo(2 * ROUNDS);
  }

  private interface Parse {
    Object run() throws BundleFormatException;
  }

  private static String outcome(Parse p) {
    try {
      p.run();
      return "accepted";
    } catch (BundleFormatException e) {
      return "refused";
    }
  }

  private static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed.clone();
    int edits = 1 + rnd.nextInt(6);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int i = rnd.nextInt(b.length);
      switch (rnd.nextInt(4)) {
        case 0:
          b[i] ^= (byte) (1 << rnd.nextInt(8));
          break;
        case 1:
          b = java.util.Arrays.copyOf(b, i);
          break;
        case 2:
          b[i] = (byte) JSON_BYTES.charAt(rnd.nextInt(JSON_BYTES.length()));
          break;
        default:
          if (Character.isDigit(b[i])) {
            b[i] = (byte) ('0' + rnd.nextInt(10));
          } else {
            b[i] = (byte) '-';
          }
      }
    }
    return b;
  }
}
