package dev.hallmark.server.oidc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.server.http.BadRequestException;

/**
 * Jazzer fuzz target for the token endpoint's body parser (form and JSON). A normal test run
 * replays the seeds under {@code TokenRequestFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes. Only
 * {@link BadRequestException} may escape.
 */
class TokenRequestFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @FuzzTest(maxDuration = "30s")
  void tokenRequests(FuzzedDataProvider data) {
    byte[] body = data.consumeRemainingAsBytes();
    for (boolean json : new boolean[] {false, true}) {
      try {
        TokenRequest.parse(body, json, MAPPER);
      } catch (BadRequestException expected) {
        // refused with a reason
      }
    }
  }
}
