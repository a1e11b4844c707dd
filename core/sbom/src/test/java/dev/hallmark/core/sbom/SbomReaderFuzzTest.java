package dev.hallmark.core.sbom;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Jazzer target for every SBOM parser (the format byte picks one, or sniffing). In a normal test
 * run it replays the inputs under {@code SbomReaderFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes. Only {@link SbomFormatException} may escape.
 */
class SbomReaderFuzzTest {
  private static final SbomLimits SMALL = new SbomLimits(1 << 20, 50, 1 << 16, 40);

  @FuzzTest(maxDuration = "30s")
  void read(FuzzedDataProvider data) {
    int pick = data.consumeInt(0, SbomFormat.values().length);
    SbomFormat format = pick == SbomFormat.values().length ? null : SbomFormat.values()[pick];
    byte[] document = data.consumeRemainingAsBytes();
    try {
      new SbomReader(SMALL).read(new ByteArrayInputStream(document), format);
    } catch (SbomFormatException expected) {
      // refused with a reason: fine
    }
  }
}
