package dev.hallmark.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomReader;
import dev.hallmark.testing.postgres.TestPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SBOMs ingested into a real PostgreSQL, with counts read from the documents themselves. */
class SbomIngestTest {
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static HikariDataSource db;
  static Analyzer analyzer;

  @BeforeAll
  static void start() {
    db = TestPostgres.fresh("analyzer");
    analyzer = analyzer(db);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static Analyzer analyzer(HikariDataSource ds) {
    return new Analyzer(
        ds,
        new SbomReader(SbomLimits.defaults()),
        AdvisoryReader.withDefaultLimits(),
        Clock.fixed(NOW, ZoneOffset.UTC),
        new SecureRandom());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sbom/openssl-3.0.7-18.el9_2.spdx.json",
        "sbom/openssl-3.0.7-18.el9_2.cdx_1.6.sbom.json",
        "sbom/ubi9-micro-container-9.4-6.1716471860_amd64.spdx.json",
        "sbom/laravel-bom.1.4.json",
        "sbom/simple.json",
        "sbom/valid-machine-learning-1.5.json",
        "sbom/cbom-algorithm.json"
      })
  void storesEveryPackageAndEdge(String path) throws Exception {
    byte[] bytes = Documents.bytes(path);
    JsonNode json = Documents.json(path);
    IngestResult result = analyzer.ingestSbom(bytes, null, null, Map.of());

    assertThat(result.id()).startsWith("urn:uuid:");
    Document doc = analyzer.get(result.id()).orElseThrow();
    int packages = Documents.packageCount(json);
    assertThat(doc.itemCount()).isEqualTo(packages);
    assertThat(analyzer.packages(result.id(), ListQuery.all()).orElseThrow().total())
        .isEqualTo(packages);
    assertThat(count("sbom_relationship WHERE sbom = '" + uuid(result) + "'"))
        .isEqualTo(Documents.relationshipCount(json));
    String version =
        json.has("spdxVersion")
            ? json.get("spdxVersion").asText()
            : json.get("specVersion").asText();
    assertThat(doc.specVersion()).isEqualTo(version);
    assertThat(doc.ingested()).isEqualTo(NOW);
    assertThat(analyzer.download(result.id())).hasValue(bytes);
    assertThat(analyzer.download(doc.sha256())).hasValue(bytes);
  }

  @Test
  void spdxSpotValues() throws Exception {
    String path = "sbom/openssl-3.0.7-18.el9_2.spdx.json";
    JsonNode json = Documents.json(path);
    // a database of its own: the same bytes stored before would be answered as a duplicate
    HikariDataSource own = TestPostgres.fresh("analyzer");
    Analyzer analyzer = analyzer(own);
    IngestResult result =
        analyzer.ingestSbom(Documents.bytes(path), null, null, Map.of("product", "rhel"));
    assertThat(result.documentId()).isEqualTo(json.get("documentNamespace").asText());
    Document doc = analyzer.get(result.id()).orElseThrow();
    assertThat(doc.name()).isEqualTo(json.get("name").asText());
    assertThat(doc.format()).isEqualTo("SPDX_2_JSON");
    assertThat(doc.labels()).containsEntry("product", "rhel");

    JsonNode srpm = json.get("packages").get(0);
    Package first =
        analyzer
            .packages(result.id(), new ListQuery("ref=" + srpm.get("SPDXID").asText(), "", 0, 0))
            .orElseThrow()
            .items()
            .get(0);
    assertThat(first.name()).isEqualTo(srpm.get("name").asText());
    assertThat(first.version()).isEqualTo(srpm.get("versionInfo").asText());
    // this purl is already canonical: qualifiers sorted, lower-case type
    String purl = srpm.get("externalRefs").get(0).get("referenceLocator").asText();
    assertThat(first.purls()).containsExactly(purl);
    own.close();
  }

  @Test
  void xmlAndJsonOfOneBomGiveTheSamePackages() throws Exception {
    IngestResult json =
        analyzer.ingestSbom(Documents.bytes("sbom/laravel-bom.1.4.json"), null, "j", Map.of());
    IngestResult xml =
        analyzer.ingestSbom(Documents.bytes("sbom/laravel-bom.1.4.xml"), null, "x", Map.of());
    assertThat(xml.id()).isNotEqualTo(json.id());
    assertThat(analyzer.get(xml.id()).orElseThrow().format()).isEqualTo("CYCLONEDX_XML");
    Page<Package> fromJson = analyzer.packages(json.id(), ListQuery.all()).orElseThrow();
    Page<Package> fromXml = analyzer.packages(xml.id(), ListQuery.all()).orElseThrow();
    assertThat(fromXml.total())
        .isEqualTo(Documents.packageCount(Documents.json("sbom/laravel-bom.1.4.json")));
    assertThat(fromXml.items())
        .extracting(Package::purls)
        .containsExactlyElementsOf(fromJson.items().stream().map(Package::purls).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gz", "bz2", "xz"})
  void compressedDocumentsKeepTheirBytes(String extension) throws Exception {
    byte[] compressed = Documents.bytes("sbom/simple.json." + extension);
    IngestResult result = analyzer.ingestSbom(compressed, null, null, Map.of());
    assertThat(analyzer.get(result.id()).orElseThrow().itemCount())
        .isEqualTo(Documents.packageCount(Documents.json("sbom/simple.json")));
    assertThat(analyzer.download(result.id())).hasValue(compressed);
  }

  @Test
  void aiAndCryptoBomsAreLabelled() throws Exception {
    IngestResult ml =
        analyzer.ingestSbom(
            Documents.bytes("sbom/valid-machine-learning-1.5.json"), null, "ml", Map.of());
    IngestResult crypto =
        analyzer.ingestSbom(Documents.bytes("sbom/cbom-algorithm.json"), null, "cbom", Map.of());
    assertThat(analyzer.get(ml.id()).orElseThrow().labels()).containsEntry("aibom", "true");
    assertThat(analyzer.get(crypto.id()).orElseThrow().labels()).containsEntry("cbom", "true");
  }

  /**
   * Rows go to PostgreSQL with COPY's text format: tabs, newlines, backslashes, "\N" and non-ASCII
   * text in names, refs and relationship ends must come back exactly as the document wrote them.
   */
  @Test
  void textComesBackExactlyAsWritten() throws Exception {
    String odd = "tab\there\nnew line \\N back\\slash \r \u00e9\u4e2d\ud83d\ude00";
    String ref = "ref\\N\t1";
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode doc = json.createObjectNode();
    doc.put("bomFormat", "CycloneDX").put("specVersion", "1.6").put("version", 1);
    com.fasterxml.jackson.databind.node.ArrayNode components = doc.putArray("components");
    components
        .addObject()
        .put("type", "library")
        .put("bom-ref", ref)
        .put("name", odd)
        .put("version", "1.0")
        .put("purl", "pkg:npm/odd@1.0");
    components.addObject().put("type", "library").put("bom-ref", "b").put("name", "b");
    doc.putArray("dependencies").addObject().put("ref", ref).putArray("dependsOn").add("b");
    IngestResult r = analyzer.ingestSbom(json.writeValueAsBytes(doc), null, null, Map.of());
    java.util.List<Package> packages =
        analyzer.packages(r.id(), ListQuery.all()).orElseThrow().items();
    assertThat(packages.get(0).name()).isEqualTo(odd);
    assertThat(packages.get(0).ref()).isEqualTo(ref);
    assertThat(packages.get(0).purls()).containsExactly("pkg:npm/odd@1.0");
    assertThat(analyzer.relationships(r.id(), ListQuery.all()).orElseThrow().items())
        .extracting(Edge::from, Edge::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ref, "b"));
  }

  @Test
  void sameBytesAreStoredOnce() throws Exception {
    byte[] bytes = Documents.bytes("sbom/ubi9-micro-container-9.4-6.1716471860_amd64.spdx.json");
    IngestResult first = analyzer.ingestSbom(bytes, null, "dup", Map.of());
    IngestResult second = analyzer.ingestSbom(bytes, null, "dup again", Map.of());
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.duplicate()).isTrue();
    assertThat(count("analyzer_document WHERE id = '" + uuid(first) + "'")).isEqualTo(1);
  }

  @Test
  void deleteRemovesEverythingReadFromTheDocumentAndNothingElse() throws Exception {
    HikariDataSource own = TestPostgres.fresh("analyzer");
    try (own) {
      Analyzer a = analyzer(own);
      String keptPath = "sbom/openssl-3.0.7-18.el9_2.spdx.json";
      IngestResult kept = a.ingestSbom(Documents.bytes(keptPath), null, null, Map.of());
      // the product SBOM has CPEs, so every child table holds rows of the deleted document
      IngestResult r =
          a.ingestSbom(Documents.bytes("sbom/rhel-9.2-eus.spdx.json"), null, null, Map.of());
      assertThat(count(own, "sbom_package_cpe WHERE sbom = '" + uuid(r) + "'")).isPositive();
      assertThat(a.delete(r.id())).isTrue();
      assertThat(a.get(r.id())).isEmpty();
      assertThat(a.delete(r.id())).isFalse();
      for (String table :
          new String[] {
            "sbom_package", "sbom_package_purl", "sbom_package_cpe", "sbom_relationship"
          }) {
        assertThat(count(own, table + " WHERE sbom = '" + uuid(r) + "'")).as(table).isZero();
      }
      assertThat(count(own, "analyzer_document")).isEqualTo(1);
      assertThat(count(own, "sbom_package WHERE sbom = '" + uuid(kept) + "'"))
          .isEqualTo(Documents.packageCount(Documents.json(keptPath)));
      assertThat(count(own, "sbom_relationship WHERE sbom = '" + uuid(kept) + "'"))
          .isEqualTo(Documents.relationshipCount(Documents.json(keptPath)));
    }
  }

  static String uuid(IngestResult r) {
    return r.id().substring("urn:uuid:".length());
  }

  static long count(String from) throws SQLException {
    return count(db, from);
  }

  static long count(HikariDataSource ds, String from) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void unknownKeysAreBadQueries() {
    assertThatThrownBy(() -> analyzer.get("nope")).isInstanceOf(BadQueryException.class);
    assertThatThrownBy(() -> analyzer.get("sha256:12")).isInstanceOf(BadQueryException.class);
  }
}
