package dev.hallmark.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.TrustedRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of passing conformance bundles through parsing and verification: only {@link
 * BundleFormatException} and {@link VerificationException} may escape, and most mutants must be
 * refused (a mutant may still verify when the flipped bit is insignificant, e.g. JSON whitespace or
 * unused base64 padding bits, so the test does not require all of them to fail).
 */
class VerifierMutationTest {
  private static final int ROUNDS = 60;
  private static final List<String> CASES =
      List.of(
          "happy-path-v0.1",
          "happy-path-v0.3",
          "happy-path-intoto-in-dsse-v3",
          "rekor2-happy-path",
          "managed-key-happy-path");
  private static final Map<Path, BundleVerifier> VERIFIERS = new HashMap<>();
  private static List<ConformanceCase> cases;

  @BeforeAll
  static void load() throws Exception {
    cases = ConformanceCase.all().stream().filter(c -> CASES.contains(c.name())).toList();
    assertThat(cases).hasSize(CASES.size());
    for (ConformanceCase c : cases) {
      if (!VERIFIERS.containsKey(c.trustedRoot())) {
        VERIFIERS.put(
            c.trustedRoot(),
            new BundleVerifier(TrustedRoot.parse(Files.readAllBytes(c.trustedRoot()))));
      }
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 10);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutantsAreRefusedWithAReason(long seed) throws Exception {
    Random rnd = new Random(seed);
    int refused = 0;
    for (int round = 0; round < ROUNDS; round++) {
      ConformanceCase c = cases.get(rnd.nextInt(cases.size()));
      byte[] bytes = Files.readAllBytes(c.bundle());
      byte[] mutant = bytes.clone();
      int i = rnd.nextInt(mutant.length);
      mutant[i] ^= (byte) (1 << rnd.nextInt(7));
      if (Arrays.equals(bytes, mutant)) {
        continue;
      }
      try {
        VERIFIERS
            .get(c.trustedRoot())
            .verify(Bundle.parse(mutant), Artifact.read(c.artifact()), c.policy());
      } catch (BundleFormatException | VerificationException e) {
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(ROUNDS / 2);
  }
}
