package dev.hallmark.tlog;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.tlog.rekorv1.RekorV1Entries;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import dev.hallmark.tlog.rekorv2.RekorV2Entries;

/**
 * Jazzer fuzz targets for every parser of submitted entries and of tile paths. A normal test run
 * replays the seeds under {@code EntryParsersFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes. Only
 * {@link InvalidEntryException} (or IllegalArgumentException for paths) may escape.
 */
class EntryParsersFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RekorV2Entries V2 = new RekorV2Entries(MAPPER);
  private static final RekorV1Entries V1 = new RekorV1Entries(MAPPER);

  @FuzzTest(maxDuration = "60s")
  void rekorRequests(FuzzedDataProvider data) {
    byte[] body = data.consumeRemainingAsBytes();
    try {
      V2.parse(body);
    } catch (InvalidEntryException expected) {
      // refused with a reason
    }
    try {
      V1.parse(body);
    } catch (InvalidEntryException expected) {
      // refused with a reason
    }
  }

  @FuzzTest(maxDuration = "10s")
  void tilePaths(FuzzedDataProvider data) {
    try {
      TilePaths.parseIndex(data.consumeRemainingAsString());
    } catch (IllegalArgumentException expected) {
      // refused with a reason
    }
  }
}
