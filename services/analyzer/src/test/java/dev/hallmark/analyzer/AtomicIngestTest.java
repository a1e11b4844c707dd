package dev.hallmark.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomPackage;
import dev.hallmark.core.sbom.SbomReader;
import dev.hallmark.core.sbom.SbomSink;
import dev.hallmark.testing.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A document is stored completely or not at all; refusals name the problem and store nothing. */
class AtomicIngestTest {
  static final List<String> TABLES =
      List.of(
          "analyzer_document",
          "analyzer_purl",
          "analyzer_cpe",
          "sbom_package",
          "sbom_package_purl",
          "sbom_package_cpe",
          "sbom_relationship",
          "advisory_vulnerability",
          "advisory_product");

  HikariDataSource db;
  Analyzer analyzer;

  @BeforeEach
  void start() {
    db = TestPostgres.fresh("analyzer");
    analyzer = SbomIngestTest.analyzer(db);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  @Test
  void failureInTheMiddleOfAnIngestLeavesNothing() throws Exception {
    // Over 1,000 packages so that whole batches reach the database before the document breaks.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    new dev.hallmark.core.sbom.SyntheticCorpus(7).writeSpdx(out, 2500);
    byte[] whole = out.toByteArray();
    byte[] truncated = Arrays.copyOf(whole, whole.length * 9 / 10);

    AtomicInteger delivered = new AtomicInteger();
    SbomSink counter =
        new SbomSink() {
          @Override
          public void onPackage(SbomPackage pkg) {
            delivered.incrementAndGet();
          }
        };
    assertThatThrownBy(
            () ->
                new SbomReader(SbomLimits.defaults())
                    .stream(new ByteArrayInputStream(truncated), null, counter))
        .isInstanceOf(SbomFormatException.class);
    assertThat(delivered.get()).as("packages streamed before the failure").isGreaterThan(1000);

    assertThatThrownBy(() -> analyzer.ingestSbom(truncated, null, "broken", Map.of()))
        .isInstanceOf(RejectedDocumentException.class);
    for (String table : TABLES) {
      assertThat(SbomIngestTest.count(db, table)).as(table).isZero();
    }
    // and the intact document then ingests completely
    IngestResult ok = analyzer.ingestSbom(whole, null, "whole", Map.of());
    assertThat(analyzer.get(ok.id()).orElseThrow().itemCount()).isEqualTo(2500);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sbom/mlbom-trailing-comma.json",
        "sbom/invalid-bomformat-1.6.json",
        "sbom/invalid-serialnumber-1.6.json"
      })
  void brokenDocumentsAreRefused(String path) throws Exception {
    assertThatThrownBy(() -> analyzer.ingestSbom(Documents.bytes(path), null, null, Map.of()))
        .isInstanceOf(RejectedDocumentException.class)
        .hasMessageNotContaining("Exception");
    for (String table : TABLES) {
      assertThat(SbomIngestTest.count(db, table)).as(table).isZero();
    }
  }

  @Test
  void unsupportedVersionNamesTheSupportedOnes() {
    byte[] cdx12 =
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.2\", \"version\": 1, \"components\": []}"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> analyzer.ingestSbom(cdx12, null, null, Map.of()))
        .isInstanceOf(RejectedDocumentException.class)
        .hasMessageContaining("1.2")
        .hasMessageContaining("1.3, 1.4, 1.5, 1.6");
  }

  @Test
  void neitherSbomNorAdvisoryGivesBothReasons() {
    byte[] text = "this is not a document".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> analyzer.ingest(text, null, Map.of()))
        .isInstanceOf(RejectedDocumentException.class)
        .hasMessageContaining("not an SBOM")
        .hasMessageContaining("nor an advisory");
  }

  @Test
  void concurrentUploadsOfTheSameBytesStoreOneDocument() throws Exception {
    byte[] bytes = Documents.bytes("sbom/laravel-bom.1.4.json");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<IngestResult> upload = () -> analyzer.ingestSbom(bytes, null, null, Map.of());
      List<Future<IngestResult>> results = pool.invokeAll(List.of(upload, upload, upload, upload));
      String id = results.get(0).get().id();
      for (Future<IngestResult> f : results) {
        assertThat(f.get().id()).isEqualTo(id);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(SbomIngestTest.count(db, "analyzer_document")).isEqualTo(1);
    assertThat(SbomIngestTest.count(db, "sbom_package"))
        .isEqualTo(Documents.packageCount(Documents.json("sbom/laravel-bom.1.4.json")));
  }
}
