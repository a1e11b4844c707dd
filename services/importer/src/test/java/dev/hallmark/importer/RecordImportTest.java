package dev.hallmark.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OSV ecosystem exports (all.zip) and cvelistV5 trees (a directory or a zip): records are imported
 * once, and again only when their modification date changes; a bad entry is reported.
 */
class RecordImportTest {
  @TempDir Path work;
  @TempDir Path local;
  HikariDataSource db;
  FixtureServer server;
  RecordingSink sink;
  Importers importers;

  static final String[] OSV = {"GO-2020-0001", "MAL-2024-10238", "GHSA-9v2f-6vcg-3hgv"};
  static final String[] CVE = {"CVE-1999-0001", "CVE-2021-32714", "CVE-2024-29025"};

  @BeforeEach
  void start() throws Exception {
    db = Fixtures.database();
    server = new FixtureServer();
    sink = new RecordingSink();
    importers =
        Fixtures.importers(
            db,
            sink,
            new MutableClock(Fixtures.START),
            Fixtures.settings("p1", work, List.of(local)));
  }

  @AfterEach
  void stop() {
    importers.close();
    server.close();
    db.close();
  }

  static byte[] zip(Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  Map<String, byte[]> osvEntries() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (String id : OSV) {
      entries.put(id + ".json", FixtureServer.resource("osv/" + id + ".json"));
    }
    entries.put("BROKEN-1.json", "[1, 2".getBytes(StandardCharsets.UTF_8));
    return entries;
  }

  @Test
  void anOsvExportOverHttpIsImportedOnceAndThenOnlyChangedRecords() throws Exception {
    Map<String, byte[]> entries = osvEntries();
    server.put("/go/all.zip", zip(entries));
    importers.create(
        "osv-go",
        Fixtures.json("{'osv': {'source': '" + server.base() + "/go/all.zip', 'period': 'PT6H'}}"));

    RunReport first = importers.run("osv-go").orElseThrow();
    assertThat(first.stored()).isEqualTo(3);
    assertThat(first.rejected()).isEqualTo(1);
    assertThat(first.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.document()).isEqualTo("BROKEN-1.json"));
    assertThat(sink.names)
        .containsExactlyInAnyOrder(
            "GO-2020-0001.json", "MAL-2024-10238.json", "GHSA-9v2f-6vcg-3hgv.json");

    RunReport second = importers.run("osv-go").orElseThrow();
    assertThat(second.stored() + second.duplicate() + second.rejected()).isZero();
    assertThat(second.skipped()).isEqualTo(4);

    ObjectNode changed = (ObjectNode) Fixtures.JSON.readTree(entries.get("GO-2020-0001.json"));
    changed.put("modified", "2026-02-01T00:00:00Z");
    entries.put("GO-2020-0001.json", Fixtures.JSON.writeValueAsBytes(changed));
    server.put("/go/all.zip", zip(entries));
    RunReport third = importers.run("osv-go").orElseThrow();
    assertThat(third.stored()).isEqualTo(1);
    assertThat(third.skipped()).isEqualTo(3);
    assertThat(Files.list(work).toList()).as("downloads are deleted").isEmpty();
  }

  @Test
  void anOversizedArchiveFailsTheRun() throws Exception {
    server.put("/go/all.zip", zip(osvEntries()));
    importers.create(
        "osv-small",
        Fixtures.json(
            "{'osv': {'source': '" + server.base() + "/go/all.zip', 'archiveSizeLimit': 100}}"));
    RunReport report = importers.run("osv-small").orElseThrow();
    assertThat(report.outcome()).isEqualTo(RunReport.Outcome.FAILED);
    assertThat(report.error()).get().asString().contains("larger than the limit of 100 bytes");
  }

  void cveTree(Path root) throws Exception {
    for (String id : CVE) {
      String year = id.substring(4, 8);
      String number = id.substring(9);
      Path dir =
          root.resolve("cves")
              .resolve(year)
              .resolve(number.substring(0, number.length() - 3) + "xxx");
      Files.createDirectories(dir);
      Files.write(dir.resolve(id + ".json"), FixtureServer.resource("cve/" + id + ".json"));
    }
    Files.writeString(root.resolve("README.md"), "not a record");
  }

  @Test
  void aLocalCveTreeHonoursYearFiltersAndDateUpdated() throws Exception {
    Path tree = local.resolve("cvelistV5");
    cveTree(tree);
    importers.create(
        "cve-recent", Fixtures.json("{'cve': {'source': '" + tree + "', 'startYear': 2020}}"));
    RunReport recent = importers.run("cve-recent").orElseThrow();
    assertThat(recent.stored()).isEqualTo(2);
    assertThat(sink.names)
        .containsExactlyInAnyOrder(
            "cves/2021/32xxx/CVE-2021-32714.json", "cves/2024/29xxx/CVE-2024-29025.json");

    importers.create(
        "cve-1999", Fixtures.json("{'cve': {'source': '" + tree + "', 'years': [1999]}}"));
    assertThat(importers.run("cve-1999").orElseThrow().stored()).isEqualTo(1);

    Path record = tree.resolve("cves/2024/29xxx/CVE-2024-29025.json");
    ObjectNode json = (ObjectNode) Fixtures.JSON.readTree(record.toFile());
    ((ObjectNode) json.get("cveMetadata")).put("dateUpdated", "2026-01-01T00:00:00.000Z");
    Files.write(record, Fixtures.JSON.writeValueAsBytes(json));
    RunReport again = importers.run("cve-recent").orElseThrow();
    assertThat(again.stored()).isEqualTo(1);
    assertThat(again.skipped()).isEqualTo(1);
  }

  @Test
  void aCveTreeZipOverHttp() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (String id : CVE) {
      String number = id.substring(9);
      entries.put(
          "cvelistV5-main/cves/"
              + id.substring(4, 8)
              + "/"
              + number.substring(0, number.length() - 3)
              + "xxx/"
              + id
              + ".json",
          FixtureServer.resource("cve/" + id + ".json"));
    }
    entries.put("cvelistV5-main/cves/delta.json", "{}".getBytes(StandardCharsets.UTF_8));
    server.put("/cvelistV5-main.zip", zip(entries));
    importers.create(
        "cve", Fixtures.json("{'cve': {'source': '" + server.base() + "/cvelistV5-main.zip'}}"));
    RunReport report = importers.run("cve").orElseThrow();
    assertThat(report.stored()).isEqualTo(3);
    assertThat(report.rejected() + report.failed()).isZero();
    assertThat(importers.run("cve").orElseThrow().skipped()).isEqualTo(3);
  }

  @Test
  void localSourcesOutsideTheAllowedDirectoriesAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> importers.create("etc", Fixtures.json("{'cve': {'source': '/etc'}}")))
        .isInstanceOf(InvalidImporterException.class)
        .hasMessageContaining("not below an allowed directory");
  }
}
