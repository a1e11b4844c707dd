package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer's REST API over HTTP: uploads answer trustify's IngestResult, lists answer {items,
 * total} with q/sort/offset/limit, documents come back byte for byte, and bad input is a 400
 * problem+json naming the problem (not JSON, unsupported version, oversized, decompression bomb).
 */
class AnalyzerHttpTest {
  static final int MAX_UPLOAD = 160 * 1024;
  @TempDir static Path dataDir;
  static HallmarkServer server;
  static String base;
  // HTTP/1.1 as curl and the CLI speak it: an h2c upgrade request is held to the server-wide
  // body limit before routing, so large uploads go without the upgrade.
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    server =
        HallmarkServer.start(
            TestConfigs.anyPorts(
                dataDir,
                "analyzer.port",
                "0",
                "trust.port",
                "0",
                "analyzer.max.upload.bytes",
                Integer.toString(MAX_UPLOAD)));
    base = server.endpoints().get("analyzerUrl");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = AnalyzerHttpTest.class.getResourceAsStream("/analyzer/" + name)) {
      return in.readAllBytes();
    }
  }

  static HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("content-type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void assertProblem(HttpResponse<byte[]> r, int status, String detailPart)
      throws IOException {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json(r).get("detail").asText()).contains(detailPart);
  }

  @Test
  void uploadListGetDownloadPackagesDelete() throws Exception {
    byte[] sbom = resource("openssl-3.0.7-18.el9_2.spdx.json");
    JsonNode source = JSON.readTree(sbom);
    HttpResponse<byte[]> created = post("/api/v2/sbom?labels.type=rpm&labels.team=x", sbom);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode result = json(created);
    String id = result.get("id").asText();
    assertThat(id).startsWith("urn:uuid:");
    assertThat(result.get("document_id").asText())
        .isEqualTo(source.get("documentNamespace").asText());
    assertThat(result.get("warnings").isArray()).isTrue();

    HttpResponse<byte[]> again = post("/api/v2/sbom", sbom);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("id").asText()).isEqualTo(id);

    JsonNode page = json(get("/api/v2/sbom?q=" + enc("label:type=rpm&name~openssl")));
    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(id);
    assertThat(page.get("items").get(0).get("number_of_packages").asInt())
        .isEqualTo(source.get("packages").size());

    JsonNode doc = json(get("/api/v2/sbom/" + id));
    assertThat(doc.get("name").asText()).isEqualTo(source.get("name").asText());
    assertThat(doc.get("labels").get("team").asText()).isEqualTo("x");
    assertThat(get("/api/v2/sbom/" + doc.get("sha256").asText() + "/download").body())
        .isEqualTo(sbom);

    JsonNode packages = json(get("/api/v2/sbom/" + id + "/packages?offset=1&limit=2&sort=node"));
    assertThat(packages.get("total").asInt()).isEqualTo(source.get("packages").size());
    assertThat(packages.get("items")).hasSize(2);
    assertThat(packages.get("items").get(0).get("name").asText())
        .isEqualTo(source.get("packages").get(1).get("name").asText());

    JsonNode edges = json(get("/api/v2/sbom/" + id + "/relationships?limit=1"));
    assertThat(edges.get("total").asInt()).isEqualTo(source.get("relationships").size());
    assertThat(edges.get("items").get(0).get("type").asText())
        .isEqualTo(source.get("relationships").get(0).get("relationshipType").asText());

    String purl =
        source.get("packages").get(0).get("externalRefs").get(0).get("referenceLocator").asText();
    JsonNode byPackage = json(get("/api/v2/sbom/by-package?purl=" + enc(purl)));
    assertThat(byPackage.get("items").get(0).get("id").asText()).isEqualTo(id);

    assertThat(get("/api/v2/advisory/" + id).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> deleted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v2/sbom/" + id)).DELETE().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertProblem(get("/api/v2/sbom/" + id), 404, id);
  }

  @Test
  void advisoriesAndVulnerabilities() throws Exception {
    byte[] osv = resource("RUSTSEC-2021-0079.json");
    JsonNode source = JSON.readTree(osv);
    HttpResponse<byte[]> r = post("/api/v2/advisory?format=osv", osv);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(json(r).get("document_id").asText()).isEqualTo(source.get("id").asText());
    HttpResponse<byte[]> csaf = post("/api/v2/advisory", resource("rhsa-2024_3666.json"));
    assertThat(csaf.statusCode()).isEqualTo(201);

    JsonNode vulns = json(get("/api/v2/vulnerability?q=" + enc("id=" + source.get("id").asText())));
    assertThat(vulns.get("total").asInt()).isEqualTo(1);
    assertThat(vulns.get("items").get(0).get("aliases").toString())
        .contains(source.get("aliases").get(0).asText());
    assertThat(json(get("/api/v2/advisory?q=format=CSAF")).get("total").asInt()).isEqualTo(1);
    assertThat(get("/api/v2/advisory/" + json(csaf).get("id").asText() + "/download").body())
        .isEqualTo(resource("rhsa-2024_3666.json"));
  }

  @Test
  void compressedUploadIsStoredAsSent() throws Exception {
    byte[] gz = resource("simple.json.gz");
    HttpResponse<byte[]> r = post("/api/v2/sbom?format=cyclonedx_json", gz);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(get("/api/v2/sbom/" + json(r).get("id").asText() + "/download").body())
        .isEqualTo(gz);
  }

  @Test
  void badInputIsAProblemNamingIt() throws Exception {
    assertProblem(post("/api/v2/sbom", resource("mlbom-trailing-comma.json")), 400, "JSON");
    assertProblem(
        post(
            "/api/v2/sbom",
            "{\"spdxVersion\": \"SPDX-2.1\", \"SPDXID\": \"SPDXRef-DOCUMENT\"}"
                .getBytes(StandardCharsets.UTF_8)),
        400,
        "2.2 or 2.3");
    assertProblem(post("/api/v2/sbom", new byte[0]), 400, "empty");
    assertProblem(
        post("/api/v2/sbom?format=pdf", "{}".getBytes(StandardCharsets.UTF_8)), 400, "pdf");
    // between the server-wide limit (128 KiB) and this route's: reaches the parser
    byte[] between = new byte[140 * 1024];
    java.util.Arrays.fill(between, (byte) ' ');
    assertProblem(post("/api/v2/sbom", between), 400, "empty document");
    assertProblem(
        post("/api/v2/sbom", new byte[MAX_UPLOAD + 40 * 1024]), 400, Integer.toString(MAX_UPLOAD));

    // a CycloneDX start, then 64 MiB of JSON whitespace: gzipped to ~64 KiB, far over ratio 100
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      gz.write(
          "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": ["
              .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        gz.write(spaces);
      }
    }
    assertThat(bomb.size()).isLessThan(MAX_UPLOAD);
    assertProblem(post("/api/v2/sbom", bomb.toByteArray()), 400, "ratio");

    assertProblem(get("/api/v2/sbom?q=" + enc("colour=red")), 400, "colour");
    assertProblem(get("/api/v2/sbom?limit=lots"), 400, "limit");
    assertProblem(get("/api/v2/sbom/not-an-id"), 400, "urn:uuid");
    assertProblem(get("/api/v2/sbom/by-package"), 400, "purl");
    assertThat(json(get("/api/v2/sbom?q=" + enc("name~nothing-like-this"))).get("total").asInt())
        .isZero();
  }

  @Test
  void openApiDescribesTheRoutes() throws Exception {
    JsonNode api = json(get("/openapi.json"));
    assertThat(api.get("paths").has("/api/v2/sbom/{id}/packages")).isTrue();
    assertThat(api.get("paths").has("/api/v2/vulnerability")).isTrue();
    assertThat(api.get("paths").has("/api/v2/sbom/{id}/relationships")).isTrue();
  }
}
