package dev.hallmark.core.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every advisory in the vector folders parses; the deliberately defective ones are refused. */
class AllAdvisoriesTest {
  static Stream<String> valid() {
    return Vectors.documents().stream().filter(p -> !Vectors.broken(p));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parses(String path) throws Exception {
    Advisory a = Vectors.read(path);
    assertThat(a.id()).isNotEmpty();
    AdvisoryFormat expected =
        path.toLowerCase(java.util.Locale.ROOT).contains("csaf")
            ? AdvisoryFormat.CSAF
            : path.contains("/cve/") || path.contains("/mitre/")
                ? AdvisoryFormat.CVE
                : AdvisoryFormat.OSV;
    assertThat(a.format()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nointroduced-CVE-2023-41045.json|affected[0].ranges[0] has no introduced event",
        "nondistinct-CVE-2018-5407.json|is both introduced and fixed",
      })
  void defectiveOsvRefused(String file, String message) {
    assertThatThrownBy(() -> Vectors.read(Vectors.OSV + "osv-linter/testdata/" + file))
        .isInstanceOf(AdvisoryFormatException.class)
        .hasMessageContaining(message);
  }
}
