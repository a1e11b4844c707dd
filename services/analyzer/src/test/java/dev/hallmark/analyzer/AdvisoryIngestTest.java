package dev.hallmark.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.testing.postgres.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSAF, OSV and CVE 5 records stored with their vulnerabilities and affected products. */
class AdvisoryIngestTest {
  static HikariDataSource db;
  static Analyzer analyzer;

  @BeforeAll
  static void start() {
    db = TestPostgres.fresh("analyzer");
    analyzer = SbomIngestTest.analyzer(db);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  /** The vulnerability ids a document names: CSAF {@code cve}s, else its own id. */
  static Set<String> vulnerabilityIds(JsonNode json) {
    Set<String> ids = new LinkedHashSet<>();
    if (json.has("document")) {
      for (JsonNode v : json.get("vulnerabilities")) {
        ids.add(v.get("cve").asText());
      }
    } else if (json.has("cveMetadata")) {
      ids.add(json.get("cveMetadata").get("cveId").asText());
    } else {
      ids.add(json.get("id").asText());
    }
    return ids;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "advisories/rhsa-2024_3666.json",
        "advisories/cve-2023-0044.json",
        "advisories/GHSA-2ccf-ffrj-m4qw.json",
        "advisories/RUSTSEC-2021-0079.json",
        "advisories/CVE-2023-44487.json",
        "advisories/CVE-1999-0001.json"
      })
  void storesTheVulnerabilitiesADocumentNames(String path) throws Exception {
    byte[] bytes = Documents.bytes(path);
    Set<String> ids = vulnerabilityIds(Documents.json(path));
    IngestResult result = analyzer.ingest(bytes, null, Map.of("source", "test"));
    Document doc = analyzer.get(result.id()).orElseThrow();
    assertThat(doc.kind()).isEqualTo(DocumentKind.ADVISORY);
    assertThat(doc.itemCount()).isEqualTo(ids.size());
    for (String id : ids) {
      assertThat(analyzer.vulnerabilities(new ListQuery("id=" + id, "", 0, 0)).total())
          .as(id)
          .isEqualTo(1);
    }
    assertThat(analyzer.download(result.id())).hasValue(bytes);
  }

  @Test
  void csafStatusesAreResolvedThroughTheProductTree() throws Exception {
    String path = "advisories/rhsa-2024_3666.json";
    JsonNode json = Documents.json(path);
    IngestResult result = analyzer.ingest(Documents.bytes(path), null, Map.of());
    assertThat(result.documentId())
        .isEqualTo(json.get("document").get("tracking").get("id").asText());
    int statuses = 0;
    for (JsonNode v : json.get("vulnerabilities")) {
      for (JsonNode list : v.get("product_status")) {
        statuses += list.size();
      }
    }
    assertThat(
            SbomIngestTest.count(
                db, "advisory_product WHERE advisory = '" + SbomIngestTest.uuid(result) + "'"))
        .isEqualTo(statuses);
  }

  @Test
  void osvAliasesAndYamlAreKept() throws Exception {
    JsonNode rustsec = Documents.json("advisories/RUSTSEC-2021-0079.json");
    analyzer.ingest(Documents.bytes("advisories/RUSTSEC-2021-0079.json"), null, Map.of());
    List<String> aliases = new ArrayList<>();
    rustsec.get("aliases").forEach(a -> aliases.add(a.asText()));
    Vulnerability v =
        analyzer
            .vulnerabilities(new ListQuery("id=" + rustsec.get("id").asText(), "", 0, 0))
            .items()
            .get(0);
    assertThat(v.aliases()).containsExactlyInAnyOrderElementsOf(aliases);
    assertThat(analyzer.vulnerabilities(new ListQuery("alias~" + aliases.get(0), "", 0, 0)).total())
        .isEqualTo(1);

    IngestResult yaml =
        analyzer.ingestAdvisory(
            Documents.bytes("advisories/PYSEC-2024-55.yaml"), null, null, Map.of());
    assertThat(analyzer.get(yaml.id()).orElseThrow().documentId()).isEqualTo("PYSEC-2024-55");
    assertThat(analyzer.list(DocumentKind.ADVISORY, new ListQuery("format=OSV", "", 0, 0)).total())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void notAnAdvisoryIsRefused() {
    byte[] json = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> analyzer.ingestAdvisory(json, null, null, Map.of()))
        .isInstanceOf(RejectedDocumentException.class);
  }
}
