package dev.hallmark.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Definitions: checked configurations, revisions, merge patches, enabling, schedule and force. */
class DefinitionsTest {
  @TempDir Path work;
  HikariDataSource db;
  MutableClock clock;
  Importers importers;
  FixtureServer server;

  @BeforeEach
  void start() throws Exception {
    db = Fixtures.database();
    clock = new MutableClock(Fixtures.START);
    server = new FixtureServer();
    importers =
        Fixtures.importers(
            db, new RecordingSink(), clock, Fixtures.settings("p1", work, List.of()));
  }

  @AfterEach
  void stop() {
    importers.close();
    server.close();
    db.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|one member naming its kind",
        "{'git': {'source': 'x'}}|unknown importer kind 'git'",
        "{'csaf': {}}|source is required",
        "{'csaf': {'source': 'ftp://x'}}|must be an http(s) URL",
        "{'csaf': {'source': 'https://x', 'period': 'soon'}}|period 'soon'",
        "{'csaf': {'source': 'https://x', 'period': '10s'}}|shorter than one minute",
        "{'csaf': {'source': 'https://x', 'years': [2020]}}|unknown setting 'years'",
        "{'csaf': {'source': 'https://x', 'onlyPatterns': ['(']}}|not a regular expression",
        "{'csaf': {'source': 'https://x', 'fetchRetries': 99}}|fetchRetries must be",
        "{'csaf': {'source': 'https://x', 'labels': {'a': 1}}}|label 'a' must be a string",
        "{'directory': {'source': '/tmp'}}|needs documents",
        "{'directory': {'source': '/tmp', 'documents': 'sbom'}}|local sources are not allowed",
      })
  void badConfigurationsAreRefusedNamingTheProblem(String json, String message) {
    assertThatThrownBy(() -> importers.create("x", Fixtures.json(json)))
        .isInstanceOf(InvalidImporterException.class)
        .hasMessageContaining(message);
  }

  @Test
  void namesAreChecked() {
    assertThatThrownBy(
            () -> importers.create("../x", Fixtures.json("{'csaf': {'source': 'https://x'}}")))
        .isInstanceOf(InvalidImporterException.class);
  }

  @Test
  void revisionsGuardEveryChange() throws Exception {
    Importer created =
        importers.create("a", Fixtures.json("{'csaf': {'source': 'https://a.example'}}"));
    assertThat(created.revision()).isEqualTo(1);
    assertThatThrownBy(
            () -> importers.create("a", Fixtures.json("{'csaf': {'source': 'https://b'}}")))
        .isInstanceOf(ImporterExistsException.class);

    Importer patched =
        importers.patch(
            "a",
            Fixtures.json("{'csaf': {'period': '2h', 'labels': {'team': 'x'}}}"),
            Optional.of(1L));
    assertThat(patched.revision()).isEqualTo(2);
    assertThat(patched.definition().period()).isEqualTo(Duration.ofHours(2));
    assertThat(patched.definition().source()).isEqualTo("https://a.example");
    assertThat(patched.definition().labels()).containsEntry("team", "x");

    assertThatThrownBy(
            () ->
                importers.replace(
                    "a", Fixtures.json("{'csaf': {'source': 'https://c'}}"), Optional.of(1L)))
        .isInstanceOf(StaleRevisionException.class)
        .hasMessageContaining("revision 2, not 1");
    Importer nulled =
        importers.patch("a", Fixtures.json("{'csaf': {'labels': null}}"), Optional.empty());
    assertThat(nulled.definition().labels()).isEmpty();

    Importer disabled = importers.setEnabled("a", false, Optional.of(3L));
    assertThat(disabled.definition().disabled()).isTrue();
    assertThatThrownBy(() -> importers.delete("a", Optional.of(3L)))
        .isInstanceOf(StaleRevisionException.class);
    importers.delete("a", Optional.of(4L));
    assertThatThrownBy(() -> importers.get("a")).isInstanceOf(NoSuchImporterException.class);
    assertThatThrownBy(() -> importers.force("a")).isInstanceOf(NoSuchImporterException.class);
  }

  /** The fixture server as a CSAF provider with no documents. */
  private void emptyProvider() {
    server.put(
        "/.well-known/csaf/provider-metadata.json",
        "{\"distributions\": [{\"directory_url\": \"" + server.base() + "/d/\"}]}");
    server.put("/d/changes.csv", "");
  }

  @Test
  void dueByPeriodUnlessDisabledAndForcedAlways() throws Exception {
    emptyProvider();
    importers.create(
        "p", Fixtures.json("{'csaf': {'source': '" + server.base() + "', 'period': '30m'}}"));
    assertThat(importers.due()).containsExactly("p");
    assertThat(importers.runIfDue("p")).isPresent();
    assertThat(importers.due()).isEmpty();
    assertThat(importers.runIfDue("p")).isEmpty();

    clock.advance(Duration.ofMinutes(29));
    assertThat(importers.due()).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(importers.due()).containsExactly("p");

    importers.setEnabled("p", false, Optional.empty());
    assertThat(importers.due()).isEmpty();
    importers.force("p");
    assertThat(importers.get("p").forced()).isTrue();
    assertThat(importers.due()).containsExactly("p");
    assertThat(importers.runIfDue("p")).isPresent();
    assertThat(importers.get("p").forced()).isFalse();
    assertThat(importers.due()).isEmpty();
  }

  @Test
  void theRunnerRunsDueImportersAndForcedOnesAtOnce() throws Exception {
    emptyProvider();
    importers.create(
        "p", Fixtures.json("{'csaf': {'source': '" + server.base() + "', 'disabled': true}}"));
    ImportRunner runner = new ImportRunner(importers, Duration.ofHours(1), 1);
    try {
      Thread.sleep(300);
      assertThat(importers.reports("p", 0, 10)).isEmpty();
      importers.force("p");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (importers.reports("p", 0, 10).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(importers.reports("p", 0, 10))
          .singleElement()
          .satisfies(r -> assertThat(r.outcome()).isEqualTo(RunReport.Outcome.COMPLETED));
    } finally {
      runner.close();
    }
  }
}
