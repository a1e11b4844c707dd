package dev.hallmark.analyzer;

import static dev.hallmark.analyzer.FindingsFixtures.CC_125;
import static dev.hallmark.analyzer.FindingsFixtures.allFindings;
import static dev.hallmark.analyzer.FindingsFixtures.sbom;
import static dev.hallmark.analyzer.FindingsFixtures.vex;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.findings.Correlator;
import dev.hallmark.core.match.VersionSchemes;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomReader;
import dev.hallmark.testing.postgres.TestPostgres;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stored findings follow the correlation settings: an analyzer started with another precedence
 * queues every SBOM once, and after the queue drains the findings are those of the new settings.
 * commons-compress 1.25.0 is affected by CVE-2024-26308 (CVE record) and not affected by the
 * supplier's VEX: by default the VEX wins; with "affected" ranked first the CVE record does.
 */
class CorrelationSettingsTest {
  static Analyzer analyzer(HikariDataSource db, String precedence) {
    return new Analyzer(
        db,
        new SbomReader(SbomLimits.defaults()),
        AdvisoryReader.withDefaultLimits(),
        Clock.systemUTC(),
        new SecureRandom(),
        new Correlator(
            VersionSchemes.standard(), Correlator.parsePrecedence(precedence), List.of()),
        100);
  }

  @Test
  void anotherPrecedenceRecorrelatesEverySbomOnce() throws Exception {
    try (HikariDataSource db = TestPostgres.fresh("analyzer")) {
      Analyzer defaults = analyzer(db, "not_affected,fixed,affected,under_investigation");
      // the defaults need no recorded settings and queue nothing
      assertThat(defaults.adoptCorrelationSettings()).isFalse();
      defaults.ingestSbom(sbom("java", CC_125), null, "java", Map.of());
      defaults.ingestSbom(sbom("other", "pkg:npm/left-pad@1.3.0"), null, "other", Map.of());
      defaults.ingestAdvisory(
          Documents.bytes("findings/CVE-2024-26308.json"), null, null, Map.of());
      defaults.ingestAdvisory(
          vex(
              "EXAMPLE-VEX-CC",
              1,
              "2024-03-01T00:00:00Z",
              "known_not_affected",
              CC_125,
              "CVE-2024-26308"),
          null,
          null,
          Map.of());
      FindingsWorker worker = new FindingsWorker(defaults, 100, null);
      worker.drain();
      assertThat(allFindings(db)).containsValue("not_affected").doesNotContainValue("affected");

      Analyzer affectedFirst = analyzer(db, "affected,not_affected,fixed,under_investigation");
      assertThat(affectedFirst.adoptCorrelationSettings()).isTrue();
      FindingsWorker second = new FindingsWorker(affectedFirst, 100, null);
      assertThat(second.status().depth()).isEqualTo(2);
      // recorded: a second start with the same settings queues nothing more
      assertThat(affectedFirst.adoptCorrelationSettings()).isFalse();
      assertThat(second.status().depth()).isEqualTo(2);
      second.drain();
      assertThat(allFindings(db)).containsValue("affected").doesNotContainValue("not_affected");

      // and back to the defaults
      assertThat(defaults.adoptCorrelationSettings()).isTrue();
      worker.drain();
      assertThat(allFindings(db)).containsValue("not_affected").doesNotContainValue("affected");
    }
  }
}
