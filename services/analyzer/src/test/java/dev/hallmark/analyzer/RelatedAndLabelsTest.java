package dev.hallmark.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.testing.postgres.TestPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /sbom/{id}/related} (one hop either way from an element, or the document's roots) and
 * label edits, on real documents; the expectations are read from the documents' own JSON.
 */
class RelatedAndLabelsTest {
  static HikariDataSource db;
  static Analyzer analyzer;
  static IngestResult spdx;
  static IngestResult laravel;

  @BeforeAll
  static void start() throws Exception {
    db = TestPostgres.fresh("analyzer");
    analyzer = SbomIngestTest.analyzer(db);
    spdx =
        analyzer.ingestSbom(
            Documents.bytes("sbom/openssl-3.0.7-18.el9_2.spdx.json"),
            null,
            null,
            Map.of("type", "rpm"));
    laravel =
        analyzer.ingestSbom(
            Documents.bytes("sbom/laravel-bom.1.4.json"), null, null, Map.of("type", "php"));
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static List<Related> related(
      IngestResult sbom, String ref, Related.Which which, String type, String q) throws Exception {
    return analyzer
        .related(sbom.id(), ref, which, type, new ListQuery(q, "", 0, 0))
        .orElseThrow()
        .items();
  }

  @Test
  void rootsAreWhatTheDocumentDescribes() throws Exception {
    // SPDX: "SPDXRef-DOCUMENT DESCRIBES SPDXRef-SRPM", the openssl source RPM
    List<Related> roots = related(spdx, null, Related.Which.LEFT, null, "");
    assertThat(roots).extracting(Related::ref).containsExactly("SPDXRef-SRPM");
    assertThat(roots.get(0).relationship()).isEqualTo("DESCRIBES");
    assertThat(roots.get(0).pkg().name()).isEqualTo("openssl");
    // CycloneDX: the metadata component
    JsonNode doc = Documents.json("sbom/laravel-bom.1.4.json");
    assertThat(related(laravel, null, Related.Which.LEFT, null, ""))
        .extracting(Related::ref)
        .containsExactly(doc.at("/metadata/component/bom-ref").asText());
  }

  @Test
  void oneHopEitherWayAsTheDocumentStatesIt() throws Exception {
    JsonNode doc = Documents.json("sbom/openssl-3.0.7-18.el9_2.spdx.json");
    // everything GENERATED_FROM the SRPM points at it: the right side
    List<String> generated = new ArrayList<>();
    List<String> containedBySrpm = new ArrayList<>();
    for (JsonNode r : doc.path("relationships")) {
      if (r.path("relatedSpdxElement").asText().equals("SPDXRef-SRPM")
          && r.path("relationshipType").asText().equals("GENERATED_FROM")) {
        generated.add(r.path("spdxElementId").asText());
      }
      if (r.path("spdxElementId").asText().equals("SPDXRef-SRPM")) {
        containedBySrpm.add(r.path("relatedSpdxElement").asText());
      }
    }
    assertThat(generated).hasSizeGreaterThan(10);
    assertThat(related(spdx, "SPDXRef-SRPM", Related.Which.RIGHT, "generated_from", ""))
        .extracting(Related::ref)
        .containsExactlyInAnyOrderElementsOf(generated);
    assertThat(related(spdx, "SPDXRef-SRPM", Related.Which.LEFT, null, ""))
        .extracting(Related::ref)
        .containsExactlyElementsOf(containedBySrpm);
    // the package at the other end comes with its purls; q filters on it
    List<Related> libs =
        related(spdx, "SPDXRef-SRPM", Related.Which.RIGHT, null, "name=openssl-libs");
    assertThat(libs).isNotEmpty();
    assertThat(libs)
        .allSatisfy(r -> assertThat(r.pkg().purls()).anyMatch(p -> p.contains("openssl-libs")));

    // CycloneDX dependsOn: a dependency's own dependencies, and its dependents
    JsonNode cdx = Documents.json("sbom/laravel-bom.1.4.json");
    JsonNode first = cdx.path("dependencies").get(0);
    List<String> dependsOn = new ArrayList<>();
    first.path("dependsOn").forEach(d -> dependsOn.add(d.asText()));
    assertThat(related(laravel, first.path("ref").asText(), Related.Which.LEFT, "DEPENDS_ON", ""))
        .extracting(Related::ref)
        .containsExactlyElementsOf(dependsOn);
    Map<String, List<String>> dependents = new HashMap<>();
    for (JsonNode d : cdx.path("dependencies")) {
      for (JsonNode to : d.path("dependsOn")) {
        dependents.computeIfAbsent(to.asText(), k -> new ArrayList<>()).add(d.path("ref").asText());
      }
    }
    String target = dependsOn.get(0);
    assertThat(related(laravel, target, Related.Which.RIGHT, "dependsOn", ""))
        .extracting(Related::ref)
        .containsExactlyInAnyOrderElementsOf(dependents.get(target));
    assertThat(related(laravel, target, Related.Which.RIGHT, "contains", "")).isEmpty();
    assertThat(related(laravel, "no-such-ref", Related.Which.LEFT, null, "")).isEmpty();
  }

  @Test
  void unknownSbomAndBadQuestions() throws Exception {
    assertThat(
            analyzer.related(
                "urn:uuid:00000000-0000-4000-8000-000000000000",
                "x",
                Related.Which.LEFT,
                null,
                ListQuery.all()))
        .isEmpty();
    assertThatThrownBy(
            () -> analyzer.related(spdx.id(), null, Related.Which.RIGHT, null, ListQuery.all()))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("need a reference");
    assertThatThrownBy(() -> related(spdx, "SPDXRef-SRPM", Related.Which.LEFT, null, "color=red"))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("color");
  }

  @Test
  void labelsAreReplacedMergedAndListed() throws Exception {
    IngestResult doc =
        analyzer.ingestSbom(
            Documents.bytes("sbom/simple.json"), null, null, Map.of("team", "a", "keep", "1"));
    Map<String, String> merge = new HashMap<>();
    merge.put("team", "b");
    merge.put("keep", null);
    merge.put("env", "prod");
    assertThat(analyzer.editLabels(doc.id(), DocumentKind.SBOM, merge, true).orElseThrow().labels())
        .isEqualTo(Map.of("team", "b", "env", "prod"));
    assertThat(
            analyzer
                .editLabels(doc.id(), DocumentKind.SBOM, Map.of("only", "this"), false)
                .orElseThrow()
                .labels())
        .isEqualTo(Map.of("only", "this"));
    assertThat(analyzer.get(doc.id()).orElseThrow().labels()).isEqualTo(Map.of("only", "this"));
    // the list grammar sees the new labels
    assertThat(analyzer.list(DocumentKind.SBOM, new ListQuery("label:only=this", "", 0, 0)).items())
        .extracting(Document::id)
        .containsExactly(doc.id());

    // wrong kind or unknown document: nothing changed
    assertThat(analyzer.editLabels(doc.id(), DocumentKind.ADVISORY, Map.of("x", "y"), true))
        .isEmpty();
    // too many or too long: refused, nothing changed
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= Analyzer.MAX_LABELS; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> analyzer.editLabels(doc.id(), DocumentKind.SBOM, many, true))
        .isInstanceOf(RejectedDocumentException.class)
        .hasMessageContaining("at most");
    assertThatThrownBy(
            () -> analyzer.editLabels(doc.id(), DocumentKind.SBOM, Map.of("", "empty key"), false))
        .isInstanceOf(RejectedDocumentException.class);
    assertThat(analyzer.get(doc.id()).orElseThrow().labels()).isEqualTo(Map.of("only", "this"));

    assertThat(analyzer.labels(DocumentKind.SBOM, null, 0))
        .contains(new Label("only", "this"), new Label("type", "rpm"), new Label("type", "php"));
    assertThat(analyzer.labels(DocumentKind.SBOM, "PH", 0))
        .containsExactly(new Label("type", "php"));
    assertThat(analyzer.labels(DocumentKind.SBOM, null, 1)).hasSize(1);
    assertThat(analyzer.labels(DocumentKind.ADVISORY, null, 0)).isEmpty();
  }
}
