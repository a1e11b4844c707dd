package dev.hallmark.core.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The OASIS examples pass every implemented mandatory test; vendor feeds may only warn. */
class CsafStrictnessTest {
  static Stream<String> oasisExamples() {
    return Vectors.documents().stream().filter(p -> p.startsWith(Vectors.CSAF + "examples/"));
  }

  @ParameterizedTest
  @MethodSource("oasisExamples")
  void oasisExamplesAreStrictlyValid(String path) throws Exception {
    CsafAdvisory a = (CsafAdvisory) Vectors.readStrict(path);
    assertThat(a.warnings()).isEmpty();
  }

  @Test
  void redHatVersionBehindRevisionHistoryIsAWarning() throws Exception {
    String path = Vectors.TRUSTIFY + "csaf/CVE-2023-20862.json";
    // tracking.version "1", revision_history numbers "1" and "2"
    CsafAdvisory a = (CsafAdvisory) Vectors.read(path);
    assertThat(a.warnings())
        .containsExactly("6.1.16 latest document version: version 1 but the latest revision is 2");
    assertThatThrownBy(() -> Vectors.readStrict(path))
        .isInstanceOf(AdvisoryFormatException.class)
        .hasMessage("6.1.16 latest document version: version 1 but the latest revision is 2");
  }
}
