package dev.hallmark.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.testing.postgres.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two SBOMs sharing 3,000 purls listed in opposite orders, ingested at the same time: their batches
 * take the shared purl rows in opposite orders, which can deadlock in PostgreSQL; both must still
 * be stored completely.
 */
class OverlappingIngestTest {
  static byte[] spdx(String name, boolean reversed) throws Exception {
    ObjectMapper m = new ObjectMapper();
    ObjectNode doc = m.createObjectNode();
    doc.put("spdxVersion", "SPDX-2.3");
    doc.put("dataLicense", "CC0-1.0");
    doc.put("SPDXID", "SPDXRef-DOCUMENT");
    doc.put("name", name);
    doc.put("documentNamespace", "https://example.com/" + name);
    doc.putObject("creationInfo")
        .put("created", "2026-11-26T00:00:00Z")
        .putArray("creators")
        .add("Tool: test");
    ArrayNode packages = doc.putArray("packages");
    for (int i = 0; i < 3000; i++) {
      int n = reversed ? 2999 - i : i;
      ObjectNode p = packages.addObject();
      p.put("SPDXID", "SPDXRef-p" + n);
      p.put("name", "lib" + n);
      p.put("versionInfo", "1.0." + n);
      p.put("downloadLocation", "NOASSERTION");
      p.putArray("externalRefs")
          .addObject()
          .put("referenceCategory", "PACKAGE-MANAGER")
          .put("referenceType", "purl")
          .put("referenceLocator", "pkg:npm/lib" + n + "@1.0." + n);
    }
    return m.writeValueAsBytes(doc);
  }

  @Test
  void bothAreStoredCompletely() throws Exception {
    try (HikariDataSource db = TestPostgres.fresh("analyzer")) {
      Analyzer analyzer = SbomIngestTest.analyzer(db);
      for (int round = 0; round < 3; round++) {
        byte[] forward = spdx("forward-" + round, false);
        byte[] backward = spdx("backward-" + round, true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          List<Callable<IngestResult>> both =
              List.of(
                  () -> analyzer.ingestSbom(forward, null, null, Map.of()),
                  () -> analyzer.ingestSbom(backward, null, null, Map.of()));
          for (Future<IngestResult> f : pool.invokeAll(both)) {
            assertThat(analyzer.get(f.get().id()).orElseThrow().itemCount()).isEqualTo(3000);
          }
        } finally {
          pool.shutdownNow();
        }
      }
      assertThat(SbomIngestTest.count(db, "analyzer_purl")).isEqualTo(3000);
      assertThat(SbomIngestTest.count(db, "sbom_package_purl")).isEqualTo(6 * 3000);
    }
  }
}
