package dev.hallmark.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallmark.core.advisory.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Severities from scores: stated base scores as given, vectors scored by their CVSS version's
 * formula (reference values from the FIRST calculators), the newest CVSS version preferred, each
 * version's own bands.
 */
class SeverityTest {
  static Score vector(String type, String vector) {
    return new Score(type, null, vector, null, null, List.of(), null);
  }

  @Test
  void vectorsAreScoredInTheirOwnVersion() {
    assertThat(
            Severity.of(List.of(vector("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))))
        .contains(new Severity("critical", 9.8));
    assertThat(
            Severity.of(List.of(vector("CVSS_V3", "CVSS:3.0/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N"))))
        .contains(new Severity("low", 3.7));
    // CVSS v2: 10.0 is "high", v2 has no "critical" band
    assertThat(Severity.of(List.of(vector("CVSS_V2", "AV:N/AC:L/Au:N/C:C/I:C/A:C"))))
        .contains(new Severity("high", 10.0));
    assertThat(
            Severity.of(
                List.of(
                    vector(
                        "CVSS_V4",
                        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"))))
        .contains(new Severity("critical", 9.3));
  }

  @Test
  void theNewestVersionWinsEvenWhenLower() {
    assertThat(
            Severity.of(
                List.of(
                    vector("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                    vector(
                        "CVSS_V4",
                        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N"),
                    vector("CVSS_V2", "AV:N/AC:L/Au:N/C:C/I:C/A:C"))))
        .contains(new Severity("medium", 6.9));
  }

  @Test
  void statedScoresStandAndNonVectorsAreIgnored() {
    // a stated base score is taken as given, not recomputed from its vector
    assertThat(
            Severity.of(
                List.of(
                    new Score(
                        "CVSS_V3",
                        "3.1",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                        9.0,
                        "CRITICAL",
                        List.of(),
                        "cna"))))
        .contains(new Severity("critical", 9.0));
    // OSV "Ubuntu" priorities and broken vectors give no score; a stated word still counts
    assertThat(Severity.of(List.of(vector("Ubuntu", "medium")))).isEmpty();
    assertThat(Severity.of(List.of(vector("CVSS_V3", "CVSS:3.1/AV:N/AC:L")))).isEmpty();
    assertThat(
            Severity.of(
                List.of(new Score("other", null, null, null, "Moderate", List.of(), "cna"))))
        .contains(new Severity("moderate", null));
    // CVE-2024-26308 (Apache's CNA): {"other": {"type": "Textual description of severity",
    // "content": {"text": "moderate"}}}, as core/advisory keeps it
    assertThat(
            Severity.of(
                List.of(
                    new Score(
                        "Textual description of severity",
                        null,
                        "{\"text\":\"moderate\"}",
                        null,
                        null,
                        List.of(),
                        "cna"))))
        .contains(new Severity("moderate", null));
    assertThat(
            Severity.of(
                List.of(
                    new Score(
                        "Textual description of severity",
                        null,
                        "{\"text\":\"see the advisory\"}",
                        null,
                        null,
                        List.of(),
                        "cna"))))
        .isEmpty();
  }
}
