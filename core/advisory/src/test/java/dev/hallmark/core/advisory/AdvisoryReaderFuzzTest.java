package dev.hallmark.core.advisory;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for the CSAF, OSV and CVE parsers (the first byte picks one, or detection). In a
 * normal test run it replays the inputs under {@code AdvisoryReaderFuzzTestInputs/}; with {@code
 * JAZZER_FUZZ=1} it fuzzes. Only {@link AdvisoryFormatException} may escape.
 */
class AdvisoryReaderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void read(FuzzedDataProvider data) {
    int pick = data.consumeInt(0, AdvisoryFormat.values().length);
    AdvisoryFormat format =
        pick == AdvisoryFormat.values().length ? null : AdvisoryFormat.values()[pick];
    byte[] document = data.consumeRemainingAsBytes();
    try {
      new AdvisoryReader(1 << 20, 40, CsafValidation.STRICT)
          .read(new java.io.ByteArrayInputStream(document), format);
    } catch (AdvisoryFormatException expected) {
      // refused with a reason: fine
    }
  }
}
