package dev.hallmark.analyzer;

import static dev.hallmark.analyzer.FindingsFixtures.allFindings;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.testing.postgres.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A CSAF product identified only by a file hash is matched to the SBOM package with that digest —
 * stored digests, hash match keys, the queue's fan-out — whichever of the two arrives first; the
 * package with another digest is untouched.
 */
class DigestFindingsTest {
  static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  static byte[] sbom(String name) {
    return ("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
            + "\"metadata\":{\"component\":{\"type\":\"application\",\"bom-ref\":\"app\","
            + "\"name\":\""
            + name
            + "\"}},\"components\":["
            + "{\"type\":\"file\",\"bom-ref\":\"so\",\"name\":\"libexample.so\","
            + "\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\""
            + SHA256.toUpperCase()
            + "\"}]},"
            + "{\"type\":\"file\",\"bom-ref\":\"other\",\"name\":\"libexample.so\","
            + "\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\""
            + SHA256.replace('9', '8')
            + "\"}]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theFileWithTheDigestIsAffectedInEitherOrder() throws Exception {
    try (HikariDataSource db = TestPostgres.fresh("analyzer")) {
      Analyzer analyzer = FindingsFixtures.analyzer(db);
      FindingsWorker worker = new FindingsWorker(analyzer, 100, null);
      String first = analyzer.ingestSbom(sbom("before"), null, "before", Map.of()).id();
      worker.drain();
      analyzer.ingestAdvisory(
          Documents.bytes("findings/csaf-hashed-product.json"), null, null, Map.of());
      worker.drain();
      String second = analyzer.ingestSbom(sbom("after"), null, "after", Map.of()).id();
      worker.drain();
      for (String id : new String[] {first, second}) {
        var findings = analyzer.findings().ofSbom(id, ListQuery.all()).orElseThrow().items();
        assertThat(findings).hasSize(1);
        SbomFinding f = findings.get(0);
        assertThat(f.vulnerability()).isEqualTo("CVE-2024-99999");
        assertThat(f.status()).isEqualTo("affected");
        assertThat(f.evidence().matchedBy()).isEqualTo("hash");
        assertThat(f.evidence().identifier()).isEqualTo("sha256:" + SHA256);
      }
      assertThat(allFindings(db)).hasSize(2);
    }
  }
}
