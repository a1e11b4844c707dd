package dev.hallmark.tsa;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for DER timestamp queries. A normal run replays the seeds under {@code
 * TimestampRequestFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes. Only {@link
 * TimestampRequestException} may escape, and whatever parses has a digest of its algorithm's
 * length.
 */
class TimestampRequestFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void derQueries(FuzzedDataProvider data) {
    try {
      TimestampRequest r = TimestampRequest.fromDer(data.consumeRemainingAsBytes());
      if (r.imprint().length != r.algorithm().length()) {
        throw new AssertionError("accepted an imprint of the wrong length");
      }
    } catch (TimestampRequestException expected) {
      // refused with a reason
    }
  }
}
