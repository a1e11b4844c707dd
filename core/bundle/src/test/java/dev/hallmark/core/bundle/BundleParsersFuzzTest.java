package dev.hallmark.core.bundle;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for every parser of this module. In a normal test run it replays the seeds
 * under {@code BundleParsersFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes. Only {@link
 * BundleFormatException} may escape a parser, and every bundle that parses is written back to JSON
 * that parses to an equal bundle.
 */
class BundleParsersFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parseAll(FuzzedDataProvider data) {
    byte[] in = data.consumeRemainingAsBytes();
    try {
      Bundle b = Bundle.parse(in);
      Bundle again = Bundle.parse(b.toJson());
      if (!again.equals(b)) {
        throw new IllegalStateException("written bundle reads back differently: " + again);
      }
    } catch (BundleFormatException expected) {
      // refused with a reason: fine
    }
    try {
      TlogEntry.parse(in);
    } catch (BundleFormatException expected) {
      // fine
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
