package dev.hallmark.core.match;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz targets for every parser of untrusted input in this module. In a normal test run they
 * replay the seeds under {@code MatchParsersFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} they fuzz.
 * The properties are those of {@link FuzzChecks}.
 */
class MatchParsersFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void purl(FuzzedDataProvider data) {
    FuzzChecks.purl(data.consumeRemainingAsString());
  }

  @FuzzTest(maxDuration = "30s")
  void cpe(FuzzedDataProvider data) {
    FuzzChecks.cpe(data.consumeRemainingAsString());
  }

  @FuzzTest(maxDuration = "30s")
  void vers(FuzzedDataProvider data) {
    String probe = data.consumeString(40);
    FuzzChecks.vers(data.consumeRemainingAsString(), probe);
  }

  @FuzzTest(maxDuration = "30s")
  void nativeRanges(FuzzedDataProvider data) {
    String scheme = data.pickValue(FuzzChecks.NATIVE_SCHEMES);
    FuzzChecks.fromNative(scheme, data.consumeRemainingAsString());
  }

  @FuzzTest(maxDuration = "60s")
  void versionSchemes(FuzzedDataProvider data) {
    String scheme = data.pickValue(FuzzChecks.SCHEME_NAMES);
    String a = data.consumeString(60);
    FuzzChecks.ordering(scheme, a, data.consumeRemainingAsString());
  }
}
