package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer API end to end: a CSAF importer created over REST, forced, runs against a loopback
 * provider into the real analyzer; its documents are listed by /api/v2/advisory and its report
 * names the bad ones. ETags, merge patches and problem answers.
 */
class ImporterHttpTest {
  @TempDir static Path dataDir;
  static HallmarkServer server;
  static String base;
  static HttpServer provider;
  static String providerUrl;
  static final Map<String, byte[]> files = new ConcurrentHashMap<>();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext(
        "/",
        exchange -> {
          byte[] body = files.get(exchange.getRequestURI().getPath());
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    provider.start();
    providerUrl = "http://127.0.0.1:" + provider.getAddress().getPort();
    files.put(
        "/.well-known/csaf/provider-metadata.json",
        ("{\"distributions\": [{\"directory_url\": \"" + providerUrl + "/csaf/\"}]}")
            .getBytes(StandardCharsets.UTF_8));
    publish("2022/bsi-2022-0001.json", resource("bsi-2022-0001.json"), true);
    publish("2021/rhsa-2021_5186.json", resource("rhsa-2021_5186.json"), true);
    publish(
        "2021/not-csaf.json", "{\"document\": {\"category\": \"csaf_base\"}}".getBytes(), false);
    publish("2020/tampered.json", resource("rhsa-2021_5186.json"), false);
    files.put("/csaf/2020/tampered.json.sha256", "abcd  tampered.json".getBytes());
    files.put(
        "/csaf/changes.csv",
        ("\"2022/bsi-2022-0001.json\",\"2022-03-01T10:00:00Z\"\n"
                + "\"2021/rhsa-2021_5186.json\",\"2021-12-15T10:00:00Z\"\n"
                + "\"2021/not-csaf.json\",\"2021-06-01T00:00:00Z\"\n"
                + "\"2020/tampered.json\",\"2020-06-01T00:00:00Z\"\n")
            .getBytes(StandardCharsets.UTF_8));
    server =
        HallmarkServer.start(
            TestConfigs.anyPorts(
                dataDir, "importer.tick.seconds", "3600", "importer.runner.enabled", "true"));
    base = server.endpoints().get("analyzerUrl");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    provider.stop(0);
  }

  static void publish(String path, byte[] bytes, boolean withHash) throws Exception {
    files.put("/csaf/" + path, bytes);
    if (withHash) {
      files.put(
          "/csaf/" + path + ".sha256",
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
              .getBytes(StandardCharsets.US_ASCII));
    }
  }

  static byte[] resource(String name) throws Exception {
    try (InputStream in = ImporterHttpTest.class.getResourceAsStream("/importer/" + name)) {
      return in.readAllBytes();
    }
  }

  static HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("content-type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertProblem(HttpResponse<String> r, int status, String detail) throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).contains("application/problem+json");
    assertThat(JSON.readTree(r.body()).path("detail").asText()).contains(detail);
  }

  @Test
  void aForcedCsafImporterFillsTheAnalyzerAndReportsTheBadDocuments() throws Exception {
    String config =
        "{\"csaf\": {\"source\": \""
            + providerUrl
            + "\", \"period\": \"1d\", \"fetchRetries\": 0, \"labels\": {\"feed\": \"test\"}}}";
    HttpResponse<String> created = send("POST", "/api/v2/importer/provider", config);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("etag")).contains("\"1\"");
    assertProblem(send("POST", "/api/v2/importer/provider", config), 409, "exists already");

    HttpResponse<String> forced = send("POST", "/api/v2/importer/provider/force", null);
    assertThat(forced.statusCode()).isEqualTo(202);
    JsonNode report = null;
    for (int i = 0; i < 200 && report == null; i++) {
      JsonNode page = JSON.readTree(send("GET", "/api/v2/importer/provider/report", null).body());
      if (page.path("total").asInt() > 0) {
        report = page.path("items").get(0);
      } else {
        Thread.sleep(100);
      }
    }
    assertThat(report).as("a report within 20 s").isNotNull();
    assertThat(report.path("outcome").asText()).isEqualTo("completed");
    assertThat(report.path("stored").asInt()).isEqualTo(2);
    assertThat(report.path("rejected").asInt()).isEqualTo(1);
    assertThat(report.path("failed").asInt()).isEqualTo(1);
    assertThat(report.path("messages").toString())
        .contains("not-csaf.json")
        .contains("SHA-256 mismatch");

    JsonNode advisories =
        JSON.readTree(send("GET", "/api/v2/advisory?q=labels:feed%3Dtest&limit=0", null).body());
    assertThat(advisories.path("total").asInt()).isEqualTo(2);
    assertThat(advisories.toString()).contains("BSI-2022-0001").contains("RHSA-2021:5186");

    JsonNode importer = JSON.readTree(send("GET", "/api/v2/importer/provider", null).body());
    assertThat(importer.path("state").asText()).isEqualTo("waiting");
    assertThat(importer.has("lastSuccess")).isTrue();
  }

  @Test
  void revisionsMergePatchesAndEnabling() throws Exception {
    String config = "{\"osv\": {\"source\": \"https://osv.example/all.zip\", \"disabled\": true}}";
    assertThat(send("POST", "/api/v2/importer/osv", config).statusCode()).isEqualTo(201);
    HttpResponse<String> patched =
        send(
            "PATCH",
            "/api/v2/importer/osv",
            "{\"osv\": {\"period\": \"6h\", \"description\": \"Go\"}}",
            "If-Match",
            "\"1\"");
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(patched.headers().firstValue("etag")).contains("\"2\"");
    JsonNode body = JSON.readTree(patched.body());
    assertThat(body.path("configuration").path("osv").path("period").asText()).isEqualTo("6h");
    assertThat(body.path("configuration").path("osv").path("source").asText())
        .isEqualTo("https://osv.example/all.zip");

    assertProblem(
        send("PUT", "/api/v2/importer/osv", config, "If-Match", "\"1\""), 412, "revision 2");
    HttpResponse<String> enabled =
        send("PUT", "/api/v2/importer/osv/enabled", "true", "If-Match", "\"2\"");
    assertThat(enabled.statusCode()).isEqualTo(200);
    assertThat(
            JSON.readTree(enabled.body())
                .path("configuration")
                .path("osv")
                .path("disabled")
                .asBoolean())
        .isFalse();
    assertProblem(
        send("PUT", "/api/v2/importer/osv/enabled", "\"yes\"", "If-Match", "\"3\""),
        400,
        "true or false");
    assertThat(JSON.readTree(send("GET", "/api/v2/importer", null).body()).toString())
        .contains("\"osv\"");

    assertProblem(
        send("DELETE", "/api/v2/importer/osv", null, "If-Match", "\"1\""), 412, "revision 3");
    assertThat(send("DELETE", "/api/v2/importer/osv", null, "If-Match", "\"3\"").statusCode())
        .isEqualTo(204);
    assertProblem(send("GET", "/api/v2/importer/osv", null), 404, "no importer named 'osv'");
  }

  @Test
  void badRequestsAreProblems() throws Exception {
    assertProblem(
        send("POST", "/api/v2/importer/x", "{\"git\": {\"source\": \"x\"}}"),
        400,
        "unknown importer kind 'git'");
    assertProblem(
        send(
            "POST",
            "/api/v2/importer/d",
            "{\"directory\": {\"source\": \"/etc\", \"documents\": \"sbom\"}}"),
        400,
        "importer.allowed.dirs");
    assertProblem(send("POST", "/api/v2/importer/x", "not json"), 400, "not JSON");
    assertProblem(send("POST", "/api/v2/importer/nope/force", null), 404, "no importer named");
    assertProblem(send("GET", "/api/v2/importer/nope/report", null), 404, "no importer named");
  }

  @Test
  void theOpenApiDocumentDescribesTheImporterApi() throws Exception {
    JsonNode api = JSON.readTree(send("GET", "/openapi.json", null).body());
    assertThat(api.path("paths").has("/api/v2/sbom")).isTrue();
    assertThat(api.path("paths").path("/api/v2/importer/{name}").has("patch")).isTrue();
    assertThat(api.path("components").path("schemas").has("ImporterReport")).isTrue();
  }
}
