package dev.hallmark.server;

import static dev.hallmark.server.AnalyzerHttpTest.assertProblem;
import static dev.hallmark.server.AnalyzerHttpTest.enc;
import static dev.hallmark.server.AnalyzerHttpTest.json;
import static dev.hallmark.server.AnalyzerHttpTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Label edits ({@code PUT} replaces, {@code PATCH} merges, {@code -labels} lists) and {@code
 * /sbom/{id}/related} over HTTP, with their refusals as problem+json.
 */
class AnalyzerLabelsRelatedHttpTest {
  @TempDir static Path dataDir;
  static HallmarkServer server;
  static String base;
  static String sbom;

  @BeforeAll
  static void start() throws Exception {
    server = HallmarkServer.start(TestConfigs.anyPorts(dataDir));
    base = server.endpoints().get("analyzerUrl");
    sbom =
        json(send(
                "POST",
                "/api/v2/sbom?labels.team=crypto&labels.tier=1",
                resource("openssl-3.0.7-18.el9_2.spdx.json")))
            .get("id")
            .asText();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<byte[]> send(String method, String path, byte[] body) throws Exception {
    return AnalyzerHttpTest.HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("content-type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> send(String method, String path, String body) throws Exception {
    return send(method, path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void labelsArePatchedReplacedAndListed() throws Exception {
    HttpResponse<byte[]> patched =
        send("PATCH", "/api/v2/sbom/" + sbom + "/label", "{\"tier\": null, \"env\": \"prod\"}");
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(json(patched).get("labels").toString())
        .isEqualTo("{\"env\":\"prod\",\"team\":\"crypto\"}");
    assertThat(
            json(send("GET", "/api/v2/sbom?q=" + enc("label:env=prod"), (byte[]) null))
                .get("total")
                .asInt())
        .isEqualTo(1);

    JsonNode listed = json(send("GET", "/api/v2/sbom-labels", (byte[]) null));
    assertThat(listed.toString())
        .isEqualTo(
            "[{\"key\":\"env\",\"value\":\"prod\"},{\"key\":\"team\",\"value\":\"crypto\"}]");
    assertThat(json(send("GET", "/api/v2/sbom-labels?filter_text=CRY", (byte[]) null)).toString())
        .isEqualTo("[{\"key\":\"team\",\"value\":\"crypto\"}]");

    HttpResponse<byte[]> replaced =
        send("PUT", "/api/v2/sbom/" + sbom + "/label", "{\"team\": \"tls\"}");
    assertThat(json(replaced).get("labels").toString()).isEqualTo("{\"team\":\"tls\"}");

    // refusals change nothing
    assertProblem(send("PUT", "/api/v2/sbom/" + sbom + "/label", "[1]"), 400, "JSON object");
    assertProblem(send("PUT", "/api/v2/sbom/" + sbom + "/label", "{\"a\": 1}"), 400, "string");
    assertProblem(
        send("PUT", "/api/v2/sbom/" + sbom + "/label", "{\"a\": null}"), 400, "must be a string");
    assertProblem(send("PATCH", "/api/v2/sbom/" + sbom + "/label", "{nope"), 400, "not JSON");
    assertProblem(
        send("PATCH", "/api/v2/sbom/" + sbom + "/label", "{\"k\": \"" + "v".repeat(300) + "\"}"),
        400,
        "at most 256");
    assertProblem(
        send("PATCH", "/api/v2/advisory/" + sbom + "/label", "{\"k\": \"v\"}"), 404, "no advisory");
    assertProblem(send("PATCH", "/api/v2/sbom/not-an-id/label", "{\"k\": \"v\"}"), 400, "urn:uuid");
    assertThat(json(send("GET", "/api/v2/sbom/" + sbom, (byte[]) null)).get("labels").toString())
        .isEqualTo("{\"team\":\"tls\"}");
  }

  @Test
  void relatedAnswersOneHopAndTheRoots() throws Exception {
    JsonNode roots = json(send("GET", "/api/v2/sbom/" + sbom + "/related", (byte[]) null));
    assertThat(roots.get("total").asInt()).isEqualTo(1);
    assertThat(roots.at("/items/0/relationship").asText()).isEqualTo("DESCRIBES");
    assertThat(roots.at("/items/0/ref").asText()).isEqualTo("SPDXRef-SRPM");
    assertThat(roots.at("/items/0/package/name").asText()).isEqualTo("openssl");

    JsonNode generated =
        json(
            send(
                "GET",
                "/api/v2/sbom/"
                    + sbom
                    + "/related?reference=SPDXRef-SRPM&which=right&relationship=generated_from"
                    + "&q="
                    + enc("name=openssl-libs")
                    + "&limit=2",
                (byte[]) null));
    // five architectures build openssl-libs from the SRPM; the page holds two
    assertThat(generated.get("total").asInt()).isEqualTo(5);
    assertThat(generated.get("items")).hasSize(2);
    for (JsonNode item : generated.get("items")) {
      assertThat(item.get("relationship").asText()).isEqualTo("GENERATED_FROM");
      assertThat(item.at("/package/purl/0").asText()).startsWith("pkg:rpm/redhat/openssl-libs@");
    }

    assertProblem(
        send("GET", "/api/v2/sbom/" + sbom + "/related?which=up&reference=x", (byte[]) null),
        400,
        "which must be left");
    assertProblem(
        send("GET", "/api/v2/sbom/" + sbom + "/related?which=right", (byte[]) null),
        400,
        "need a reference");
    assertProblem(
        send(
            "GET",
            "/api/v2/sbom/urn:uuid:00000000-0000-4000-8000-000000000000/related",
            (byte[]) null),
        404,
        "no sbom");
  }
}
