package dev.hallmark.core.tuf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the metadata and detached-signature parsers. In a normal test run it
 * replays the seeds under {@code MetadataFuzzTestInputs/parse/} (Sigstore's real root, one file of
 * each other role, a detached signature); with {@code JAZZER_FUZZ=1} it fuzzes. Only {@link
 * MetadataFormatException} may escape the parsers and only {@link TufException} the signature
 * check; whatever parses survives a write-and-reparse unchanged.
 */
class MetadataFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parse(FuzzedDataProvider data) throws Exception {
    byte[] input = data.consumeRemainingAsBytes();
    MetadataProperties.check(input);
  }
}
