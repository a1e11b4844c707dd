package dev.hallmark.cli.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.cli.LocalHallmark.Run;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hallmark importer add|list|show|run|report|disable|enable|delete} against a running server
 * with a directory importer; errors are one line with a non-zero exit.
 */
class ImporterCommandTest {
  @TempDir static Path dataDir;
  @TempDir static Path imports;
  static AnalyzerHallmark hallmark;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    hallmark =
        AnalyzerHallmark.start(
            dataDir, "importer.allowed.dirs", imports.toString(), "importer.tick.seconds", "3600");
  }

  @AfterAll
  static void stop() throws Exception {
    hallmark.close();
  }

  static Run run(String... args) {
    return hallmark.run(args);
  }

  @Test
  void defineRunReportAndDelete() throws Exception {
    Path docs = imports.resolve("advisories");
    Files.createDirectories(docs);
    for (String name : new String[] {"CVE-1999-0001.json", "RUSTSEC-2021-0079.json"}) {
      try (InputStream in = getClass().getResourceAsStream("/analyzer/advisories/" + name)) {
        Files.copy(in, docs.resolve(name));
      }
    }
    Files.writeString(docs.resolve("broken.json"), "{\"not\": \"an advisory\"}");

    Run add =
        run(
            "importer",
            "add",
            "local",
            "directory",
            docs.toString(),
            "--documents",
            "advisory",
            "--label",
            "from=cli",
            "--period",
            "6h");
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).contains("created importer local");

    Run list = run("importer", "list");
    assertThat(list.out()).contains("local").contains("directory").contains("every 6h");

    assertThat(run("importer", "run", "local").exit()).isZero();
    JsonNode report = null;
    for (int i = 0; i < 200 && report == null; i++) {
      Run r = run("importer", "report", "local", "--output", "json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode page = JSON.readTree(r.out());
      if (page.path("total").asInt() > 0) {
        report = page.path("items").get(0);
      } else {
        Thread.sleep(100);
      }
    }
    assertThat(report).isNotNull();
    assertThat(report.path("stored").asInt()).isEqualTo(2);
    assertThat(report.path("rejected").asInt()).isEqualTo(1);
    Run text = run("importer", "report", "local");
    assertThat(text.out()).contains("stored 2").contains("rejected broken.json");

    Run show = run("importer", "show", "local");
    assertThat(show.out()).contains("revision     1").contains("from");
    assertThat(run("importer", "disable", "local").out()).contains("disabled");
    assertThat(run("importer", "show", "local", "--output", "json").out())
        .contains("\"disabled\":true");
    assertThat(run("importer", "enable", "local").exit()).isZero();
    assertThat(run("importer", "delete", "local").out()).contains("deleted importer local");

    Run missing = run("importer", "show", "local");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err().strip()).startsWith("hallmark: HTTP 404").doesNotContain("\n");
  }

  @Test
  void badDefinitionsAreOneLineErrors() {
    Run bad = run("importer", "add", "x", "git", "https://example.org");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown importer kind 'git'");
    Run outside = run("importer", "add", "etc", "directory", "/etc", "--documents", "sbom");
    assertThat(outside.exit()).isEqualTo(2);
    assertThat(outside.err()).contains("not below an allowed directory");
  }
}
