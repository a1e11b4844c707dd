package dev.hallmark.core.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CSAF TC's validator corpus ({@code testcases.json}): every document a mandatory test lists as
 * passing parses, and every document failing one of the mandatory tests implemented here (all but
 * {@link #NOT_IMPLEMENTED}) is refused with a message naming that test. 6.1.11 needs the CWE
 * catalog.
 */
class CsafValidatorCorpusTest {
  static final Set<String> NOT_IMPLEMENTED = Set.of("6.1.11");

  private static List<Arguments> cases(boolean valid) throws IOException {
    JsonNode tests =
        new ObjectMapper()
            .readTree(
                Files.readAllBytes(Vectors.root().resolve(Vectors.VALIDATOR + "testcases.json")))
            .get("tests");
    List<Arguments> out = new ArrayList<>();
    for (JsonNode t : tests) {
      String id = t.get("id").asText();
      if (!t.get("group").asText().equals("mandatory")) {
        continue;
      }
      if (!valid && NOT_IMPLEMENTED.contains(id)) {
        continue;
      }
      for (JsonNode c : t.path(valid ? "valid" : "failures")) {
        out.add(Arguments.of(id, c.get("name").asText()));
      }
    }
    return out;
  }

  static Stream<Arguments> passing() throws IOException {
    return cases(true).stream();
  }

  static Stream<Arguments> failing() throws IOException {
    return cases(false).stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("passing")
  void passingDocumentsParse(String test, String file) throws Exception {
    CsafAdvisory a = (CsafAdvisory) Vectors.readStrict(Vectors.VALIDATOR + file);
    assertThat(a.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("failing")
  void failingDocumentsRefused(String test, String file) {
    assertThatThrownBy(() -> Vectors.readStrict(Vectors.VALIDATOR + file))
        .isInstanceOf(AdvisoryFormatException.class)
        .hasMessageContaining(test + " ");
  }

  /** Leniently, a failure is either refused or carried as a warning naming the test. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("failing")
  void failingDocumentsFlaggedWhenLenient(String test, String file) throws Exception {
    try {
      CsafAdvisory a = (CsafAdvisory) Vectors.read(Vectors.VALIDATOR + file);
      assertThat(a.warnings()).anyMatch(w -> w.startsWith(test + " "));
    } catch (AdvisoryFormatException refused) {
      assertThat(refused.getMessage()).contains(test + " ");
    }
  }
}
