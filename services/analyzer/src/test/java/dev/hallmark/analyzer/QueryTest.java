package dev.hallmark.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.testing.postgres.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The list grammar ({@code q}, {@code sort}, {@code offset}, {@code limit}) and package look-ups.
 */
class QueryTest {
  static HikariDataSource db;
  static Analyzer analyzer;
  static IngestResult spdx;
  static IngestResult cdx;
  static IngestResult laravel;

  @BeforeAll
  static void start() throws Exception {
    db = TestPostgres.fresh("analyzer");
    analyzer = SbomIngestTest.analyzer(db);
    spdx =
        analyzer.ingestSbom(
            Documents.bytes("sbom/openssl-3.0.7-18.el9_2.spdx.json"),
            null,
            "openssl spdx",
            Map.of("type", "rpm", "team", "crypto"));
    cdx =
        analyzer.ingestSbom(
            Documents.bytes("sbom/openssl-3.0.7-18.el9_2.cdx_1.6.sbom.json"),
            null,
            "openssl cyclonedx",
            Map.of("type", "rpm"));
    laravel =
        analyzer.ingestSbom(
            Documents.bytes("sbom/laravel-bom.1.4.json"), null, "laravel", Map.of("type", "php"));
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static Page<Document> sboms(String q, String sort, long offset, long limit) throws Exception {
    return analyzer.list(DocumentKind.SBOM, new ListQuery(q, sort, offset, limit));
  }

  @Test
  void filtersByFieldLabelAndText() throws Exception {
    assertThat(sboms("name~openssl", "", 0, 0).total()).isEqualTo(2);
    assertThat(sboms("name!~openssl", "", 0, 0).items())
        .extracting(Document::id)
        .containsExactly(laravel.id());
    assertThat(sboms("label:type=rpm", "", 0, 0).total()).isEqualTo(2);
    assertThat(sboms("labels:type=php|rpm", "", 0, 0).total()).isEqualTo(3);
    assertThat(sboms("label:type=rpm&label:team=crypto", "", 0, 0).items())
        .extracting(Document::id)
        .containsExactly(spdx.id());
    assertThat(sboms("LARAVEL", "", 0, 0).total()).isEqualTo(1);
    assertThat(sboms("format=CYCLONEDX_JSON&spec_version=1.6", "", 0, 0).items())
        .extracting(Document::id)
        .containsExactly(cdx.id());
    assertThat(sboms("items>=62", "", 0, 0).items())
        .extracting(Document::id)
        .containsExactly(laravel.id());
    assertThat(sboms("published=null", "", 0, 0).total()).isLessThanOrEqualTo(3);
    assertThat(sboms("ingested>2026-11-25", "", 0, 0).total()).isEqualTo(3);
  }

  @Test
  void sortsAndPages() throws Exception {
    Page<Document> page = sboms("", "name:desc", 1, 1);
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.items()).extracting(Document::name).containsExactly("openssl cyclonedx");
    assertThat(sboms("", "name", 0, 2).items())
        .extracting(Document::name)
        .containsExactly("laravel", "openssl cyclonedx");
    assertThat(sboms("", "", 5, 10).items()).isEmpty();
    assertThat(sboms("", "", 5, 10).total()).isEqualTo(3);
  }

  @Test
  void badQueriesNameTheProblem() {
    assertThatThrownBy(() -> sboms("colour=red", "", 0, 0))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("colour")
        .hasMessageContaining("name");
    assertThatThrownBy(() -> sboms("", "colour", 0, 0)).isInstanceOf(BadQueryException.class);
    assertThatThrownBy(() -> sboms("items=many", "", 0, 0)).isInstanceOf(BadQueryException.class);
    assertThatThrownBy(() -> sboms("ingested>yesterday-ish", "", 0, 0))
        .isInstanceOf(BadQueryException.class);
  }

  @Test
  void packagesOfAnSbom() throws Exception {
    JsonNode json = Documents.json("sbom/laravel-bom.1.4.json");
    JsonNode first = json.get("components").get(0);
    Page<Package> byName =
        analyzer
            .packages(laravel.id(), new ListQuery("name=" + first.get("name").asText(), "", 0, 0))
            .orElseThrow();
    assertThat(byName.items()).extracting(Package::version).contains(first.get("version").asText());
    Page<Package> page =
        analyzer.packages(laravel.id(), new ListQuery("", "", 10, 5)).orElseThrow();
    assertThat(page.items()).hasSize(5);
    assertThat(page.total()).isEqualTo(Documents.packageCount(json));
    assertThat(page.items().get(0).node()).isEqualTo(10);
    assertThat(analyzer.packages("urn:uuid:00000000-0000-4000-8000-000000000000", ListQuery.all()))
        .isEmpty();
  }

  @Test
  void relationshipsOfAnSbomWithTheirPackageNames() throws Exception {
    JsonNode json = Documents.json("sbom/openssl-3.0.7-18.el9_2.spdx.json");
    JsonNode first = json.get("relationships").get(0);
    Page<Edge> all = analyzer.relationships(spdx.id(), ListQuery.all()).orElseThrow();
    assertThat(all.total()).isEqualTo(Documents.relationshipCount(json));
    Edge edge = all.items().get(0);
    assertThat(edge.from()).isEqualTo(first.get("spdxElementId").asText());
    assertThat(edge.type()).isEqualTo(first.get("relationshipType").asText());
    assertThat(edge.to()).isEqualTo(first.get("relatedSpdxElement").asText());
    String toName = null;
    for (JsonNode p : json.get("packages")) {
      if (p.get("SPDXID").asText().equals(edge.to())) {
        toName = p.get("name").asText();
      }
    }
    assertThat(edge.toName()).isNotNull().isEqualTo(toName);
    // SPDXRef-DOCUMENT is not a package
    assertThat(edge.fromName()).isNull();
    String type = first.get("relationshipType").asText();
    long ofType = 0;
    for (JsonNode r : json.get("relationships")) {
      if (r.get("relationshipType").asText().equals(type)) {
        ofType++;
      }
    }
    assertThat(
            analyzer
                .relationships(spdx.id(), new ListQuery("type=" + type, "", 0, 0))
                .orElseThrow()
                .total())
        .isEqualTo(ofType);
    assertThat(
            analyzer.relationships(
                "urn:uuid:00000000-0000-4000-8000-000000000000", ListQuery.all()))
        .isEmpty();
  }

  @Test
  void sbomsByPurlAtEachLevelAndByCpe() throws Exception {
    JsonNode json = Documents.json("sbom/openssl-3.0.7-18.el9_2.spdx.json");
    String srpm =
        json.get("packages").get(0).get("externalRefs").get(0).get("referenceLocator").asText();
    // pkg:rpm/redhat/openssl@3.0.7-18.el9_2?arch=src: exact, versioned and base levels
    assertThat(analyzer.sbomsByPackage(srpm, ListQuery.all()).items())
        .extracting(Document::id)
        .contains(spdx.id())
        .doesNotContain(laravel.id());
    String versioned = srpm.substring(0, srpm.indexOf('?'));
    assertThat(analyzer.sbomsByPackage(versioned, ListQuery.all()).items())
        .extracting(Document::id)
        .contains(spdx.id());
    String base = versioned.substring(0, versioned.indexOf('@'));
    assertThat(analyzer.sbomsByPackage(base, ListQuery.all()).items())
        .extracting(Document::id)
        .contains(spdx.id());
    assertThat(analyzer.sbomsByPackage("pkg:npm/left-pad", ListQuery.all()).total()).isZero();
    assertThatThrownBy(() -> analyzer.sbomsByPackage("pkg:", ListQuery.all()))
        .isInstanceOf(BadQueryException.class);

    // a CPE 2.2 URI from a product SBOM finds it by its 2.3 form too
    String rhel = "sbom/rhel-9.2-eus.spdx.json";
    // (in a database of its own: the other tests count this class's three SBOMs)
    HikariDataSource own = TestPostgres.fresh("analyzer");
    Analyzer analyzer = SbomIngestTest.analyzer(own);
    IngestResult product = analyzer.ingestSbom(Documents.bytes(rhel), null, null, Map.of());
    String cpe = null;
    for (JsonNode p : Documents.json(rhel).get("packages")) {
      for (JsonNode ref : p.path("externalRefs")) {
        if (ref.get("referenceType").asText().startsWith("cpe")) {
          cpe = ref.get("referenceLocator").asText();
        }
      }
    }
    assertThat(cpe).startsWith("cpe:/");
    assertThat(analyzer.sbomsByPackage(cpe, ListQuery.all()).items())
        .extracting(Document::id)
        .containsExactly(product.id());
    String formatted = dev.hallmark.core.match.Cpe.parse(cpe).toFormattedString();
    assertThat(analyzer.sbomsByPackage(formatted, ListQuery.all()).items())
        .extracting(Document::id)
        .containsExactly(product.id());
    own.close();
  }
}
