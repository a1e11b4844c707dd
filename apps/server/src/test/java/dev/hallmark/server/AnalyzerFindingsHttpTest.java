package dev.hallmark.server;

import static dev.hallmark.server.AnalyzerHttpTest.assertProblem;
import static dev.hallmark.server.AnalyzerHttpTest.enc;
import static dev.hallmark.server.AnalyzerHttpTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings over HTTP, with the server's own findings worker: an SBOM with commons-compress 1.25.0
 * and aiohttp 3.8.4, and two real advisories — CVE-2024-26308 (commons-compress affected from 1.21
 * below 1.26.0) and GHSA-45c4-8wx5-qw6w (aiohttp fixed in 3.8.5, alias CVE-2023-37276) — so both
 * packages are affected.
 */
class AnalyzerFindingsHttpTest {
  @TempDir static Path dataDir;
  static HallmarkServer server;
  static String sbom;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    server =
        HallmarkServer.start(TestConfigs.anyPorts(dataDir, "analyzer.findings.poll.ms", "200"));
    AnalyzerHttpTest.base = server.endpoints().get("analyzerUrl");
    ObjectNode bom = JSON.createObjectNode();
    bom.put("bomFormat", "CycloneDX").put("specVersion", "1.5").put("version", 1);
    bom.putObject("metadata").putObject("component").put("name", "shop").put("type", "application");
    ArrayNode components = bom.putArray("components");
    components
        .addObject()
        .put("type", "library")
        .put("bom-ref", "cc")
        .put("name", "commons-compress")
        .put("version", "1.25.0")
        .put("purl", "pkg:maven/org.apache.commons/commons-compress@1.25.0");
    components
        .addObject()
        .put("type", "library")
        .put("bom-ref", "aio")
        .put("name", "aiohttp")
        .put("version", "3.8.4")
        .put("purl", "pkg:pypi/aiohttp@3.8.4");
    HttpResponse<byte[]> created =
        AnalyzerHttpTest.post("/api/v2/sbom", bom.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(created.statusCode()).isEqualTo(201);
    sbom = json(created).get("id").asText();
    for (String file : new String[] {"CVE-2024-26308.json", "GHSA-45c4-8wx5-qw6w.json"}) {
      assertThat(
              AnalyzerHttpTest.post("/api/v2/advisory", AnalyzerHttpTest.resource(file))
                  .statusCode())
          .isEqualTo(201);
    }
    // the worker was woken by the uploads: the queue empties within seconds
    long until = System.nanoTime() + 20_000_000_000L;
    while (json(get("/api/v2/analysis/status")).get("findings_queue_depth").asLong() > 0) {
      assertThat(System.nanoTime()).isLessThan(until);
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<byte[]> get(String path) throws Exception {
    return AnalyzerHttpTest.get(path);
  }

  static HttpResponse<byte[]> postJson(String path, String body) throws Exception {
    return AnalyzerHttpTest.HTTP.send(
        HttpRequest.newBuilder(URI.create(AnalyzerHttpTest.base + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void anSbomsFindingsWithEvidence() throws Exception {
    JsonNode page = json(get("/api/v2/sbom/" + sbom + "/advisory"));
    assertThat(page.get("total").asInt()).isEqualTo(2);
    JsonNode cc = page.get("items").get(0);
    assertThat(cc.get("package").asText())
        .isEqualTo("pkg:maven/org.apache.commons/commons-compress@1.25.0");
    assertThat(cc.get("vulnerability").asText()).isEqualTo("CVE-2024-26308");
    assertThat(cc.get("status").asText()).isEqualTo("affected");
    assertThat(cc.get("advisory").asText()).startsWith("urn:uuid:");
    assertThat(cc.get("evidence").get("matched_by").asText()).isEqualTo("purl");
    assertThat(cc.get("evidence").get("range").asText()).contains("< 1.26.0");
    JsonNode aio = page.get("items").get(1);
    assertThat(aio.get("vulnerability").asText()).isEqualTo("CVE-2023-37276");
    assertThat(aio.get("aliases").toString()).contains("GHSA-45c4-8wx5-qw6w");
    assertThat(aio.get("evidence").get("scheme").asText()).isEqualTo("pypi");
    // severities: GHSA-45c4 gives CVSS 3.1 and 4.0 vectors only (5.3 and 6.9): the v4 score;
    // CVE-2024-26308 only the word "moderate" (a textual CVE metric)
    assertThat(aio.get("severity").asText()).isEqualTo("medium");
    assertThat(aio.get("score").asDouble()).isEqualTo(6.9);
    assertThat(cc.get("severity").asText()).isEqualTo("moderate");

    JsonNode filtered =
        json(get("/api/v2/sbom/" + sbom + "/advisory?q=" + enc("vulnerability=CVE-2023-37276")));
    assertThat(filtered.get("total").asInt()).isEqualTo(1);
    assertThat(
            json(get("/api/v2/sbom/" + sbom + "/advisory?q=" + enc("status=not_affected")))
                .get("total")
                .asInt())
        .isZero();
  }

  @Test
  void aVulnerabilityByIdOrAliasWithTheSbomsItConcerns() throws Exception {
    for (String id : new String[] {"CVE-2023-37276", "GHSA-45c4-8wx5-qw6w"}) {
      JsonNode v = json(get("/api/v2/vulnerability/" + id));
      assertThat(v.get("id").asText()).isEqualTo("CVE-2023-37276");
      assertThat(v.get("aliases").toString()).contains("GHSA-45c4-8wx5-qw6w");
      assertThat(v.get("advisories").get(0).get("document_id").asText())
          .isEqualTo("GHSA-45c4-8wx5-qw6w");
      assertThat(v.get("sboms").get("total").asInt()).isEqualTo(1);
      JsonNode affected = v.get("sboms").get("items").get(0);
      assertThat(affected.get("id").asText()).isEqualTo(sbom);
      assertThat(affected.get("packages").get(0).get("purl").asText())
          .isEqualTo("pkg:pypi/aiohttp@3.8.4");
    }
    assertThat(
            json(get("/api/v2/vulnerability/CVE-2023-37276?status=not_affected"))
                .get("sboms")
                .get("total")
                .asInt())
        .isZero();
    assertProblem(get("/api/v2/vulnerability/CVE-1900-0001"), 404, "CVE-1900-0001");
    assertProblem(get("/api/v2/vulnerability/CVE-2023-37276?status=bad"), 400, "status");
    assertProblem(
        get("/api/v2/sbom/urn:uuid:00000000-0000-4000-8000-000000000000/advisory"), 404, "no sbom");
  }

  @Test
  void analyzePurlsStoresNothingAndWarnsPerPurl() throws Exception {
    HttpResponse<byte[]> r =
        postJson(
            "/api/v2/vulnerability/analyze",
            "{\"purls\":[\"pkg:pypi/aiohttp@3.8.4\",\"not a purl\",\"pkg:pypi/aiohttp@3.8.5\"]}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    JsonNode hit = body.get("pkg:pypi/aiohttp@3.8.4").get("details").get(0);
    assertThat(hit.get("identifier").asText()).isEqualTo("CVE-2023-37276");
    assertThat(hit.get("effective_status").asText()).isEqualTo("affected");
    assertThat(hit.get("status").get("affected").get(0).get("identifier").asText())
        .isEqualTo("GHSA-45c4-8wx5-qw6w");
    assertThat(hit.get("evidence").get("range").asText()).contains("fixed=3.8.5");
    assertThat(body.get("not a purl").get("warnings").get(0).asText()).contains("package URL");
    assertThat(body.get("pkg:pypi/aiohttp@3.8.5").get("details").size()).isZero();
    // nothing stored: the SBOM list is unchanged
    assertThat(json(get("/api/v2/sbom")).get("total").asInt()).isEqualTo(1);

    assertProblem(postJson("/api/v2/vulnerability/analyze", "{\"purls\": \"x\"}"), 400, "purls");
    assertProblem(postJson("/api/v2/vulnerability/analyze", "not json"), 400, "JSON");
    StringBuilder many = new StringBuilder("{\"purls\":[");
    for (int i = 0; i <= 10_000; i++) {
      many.append(i == 0 ? "" : ",").append("\"pkg:npm/x@").append(i).append('"');
    }
    assertProblem(
        postJson("/api/v2/vulnerability/analyze", many.append("]}").toString()), 413, "10000");
  }

  @Test
  void statusMetricsAndOpenApi() throws Exception {
    JsonNode status = json(get("/api/v2/analysis/status"));
    assertThat(status.get("findings_queue_depth").asLong()).isZero();
    assertThat(status.has("findings_queue_oldest_seconds")).isTrue();
    String metrics = new String(get("/metrics").body(), StandardCharsets.UTF_8);
    assertThat(metrics)
        .contains("hallmark_analyzer_findings_queue_depth")
        .contains("hallmark_analyzer_findings_queue_oldest_seconds")
        .contains("hallmark_analyzer_findings_sboms_total");
    JsonNode paths = json(get("/openapi.json")).get("paths");
    assertThat(paths.has("/api/v2/sbom/{id}/advisory")).isTrue();
    assertThat(paths.has("/api/v2/vulnerability/{id}")).isTrue();
    assertThat(paths.has("/api/v2/vulnerability/analyze")).isTrue();
    assertThat(paths.has("/api/v2/analysis/status")).isTrue();
  }
}
