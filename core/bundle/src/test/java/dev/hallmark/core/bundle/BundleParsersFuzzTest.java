package dev.hallmark.core.bundle;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for every parser of this module. In a normal test run it replays the seeds
 * under {@code BundleParsersFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes. Only {@link
 * BundleFormatException} may escape a parser.
 */
class BundleParsersFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parseAll(FuzzedDataProvider data) {
    byte[] in = data.consumeRemainingAsBytes();
    try {
      Bundle.parse(in);
    } catch (BundleFormatException expected) {
      // refused with a reason: fine
    }
    try {
      TrustedRoot.parse(in);
    } catch (BundleFormatException expected) {
      // fine
    }
    try {
      SigningConfig.parse(in);
    } catch (BundleFormatException expected) {
      // fine
    }
    try {
      ClientTrustConfig.parse(in);
    } catch (BundleFormatException expected) {
      // fine
    }
  }
}
