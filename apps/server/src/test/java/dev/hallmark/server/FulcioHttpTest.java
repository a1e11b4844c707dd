package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.ct.SctVerifier;
import dev.hallmark.core.ct.TrustedCtLog;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyless certificates over Fulcio's REST API, with identities from the built-in OIDC issuer; every
 * refused request issues nothing (the CT log does not grow).
 */
class FulcioHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  private static HallmarkServer server;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final SecureRandom RANDOM = new SecureRandom();

  @BeforeAll
  static void start() throws Exception {
    server = HallmarkServer.start(TestConfigs.anyPorts(dataDir, "oidc.enabled", "true"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static String url(String service) {
    return server.endpoints().get(service);
  }

  static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("content-type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String token(String email, String audience) throws Exception {
    HttpResponse<String> r =
        post(
            url("oidcIssuerUrl") + "/token",
            "application/json",
            "{\"email\":\"" + email + "\",\"audience\":\"" + audience + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("id_token").asText();
  }

  static long ctSize() throws Exception {
    return JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(URI.create(url("ctlogUrl") + "/ct/v1/get-sth")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .get("tree_size")
        .asLong();
  }

  static String request(String token, Signer key, byte[] popOver) {
    ObjectNode req = JSON.createObjectNode();
    if (token != null) {
      req.putObject("credentials").put("oidcIdentityToken", token);
    }
    ObjectNode pkr = req.putObject("publicKeyRequest");
    pkr.putObject("publicKey")
        .put("algorithm", "ECDSA")
        .put("content", PublicKeys.pem("PUBLIC KEY", key.publicKey().getEncoded()));
    pkr.put("proofOfPossession", Base64.getEncoder().encodeToString(key.sign(popOver)));
    return req.toString();
  }

  static Signer key() throws Exception {
    return Signers.create(
        Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM),
        KeyDetails.PKIX_ECDSA_P256_SHA_256);
  }

  @Test
  void issuesCertificatesWithEmbeddedScts() throws Exception {
    String email = "dev@example.com";
    Signer key = key();
    HttpResponse<String> r =
        post(
            url("caUrl") + "/api/v2/signingCert",
            "application/json",
            request(token(email, "sigstore"), key, email.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    List<X509Certificate> chain = new ArrayList<>();
    for (JsonNode pem :
        JSON.readTree(r.body())
            .get("signedCertificateEmbeddedSct")
            .get("chain")
            .get("certificates")) {
      chain.add(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(pem.asText().getBytes(StandardCharsets.US_ASCII))));
    }
    assertThat(chain).hasSize(3);
    X509Certificate leaf = chain.get(0);
    leaf.verify(chain.get(1).getPublicKey());
    assertThat(leaf.getPublicKey()).isEqualTo(key.publicKey());
    assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(1, email));
    assertThat(leaf.getNotAfter().getTime() - leaf.getNotBefore().getTime()).isEqualTo(600_000);
    var ctKey =
        PublicKeys.parsePemBlocks(Files.readString(dataDir.resolve("ctlog.pub")), "PUBLIC KEY")
            .get(0);
    new SctVerifier(1)
        .verify(
            leaf,
            chain.get(1),
            List.of(
                TrustedCtLog.of(
                    ctKey,
                    KeyDetails.PKIX_ECDSA_P256_SHA_256,
                    Instant.now().minusSeconds(600),
                    null)));
    // PoP over sub (the email here too) and a bearer token instead of the body field.
    Signer second = key();
    String body = request(null, second, email.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> bearer =
        http.send(
            HttpRequest.newBuilder(URI.create(url("caUrl") + "/api/v2/signingCert"))
                .header("content-type", "application/json")
                .header("authorization", "Bearer " + token(email, "sigstore"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bearer.statusCode()).as(bearer.body()).isEqualTo(201);
    JsonNode bundle =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(URI.create(url("caUrl") + "/api/v2/trustBundle"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(bundle.get("chains").get(0).get("certificates")).hasSize(2);
    JsonNode config =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(URI.create(url("caUrl") + "/api/v2/configuration"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(config.get("issuers").get(0).get("issuerUrl").asText())
        .isEqualTo(url("oidcIssuerUrl"));
  }

  @Test
  void refusedRequestsIssueNothing() throws Exception {
    String email = "dev@example.com";
    long before = ctSize();
    Signer key = key();
    byte[] pop = email.getBytes(StandardCharsets.UTF_8);
    String good = token(email, "sigstore");
    String[] parts = good.split("\\.");
    String badSignature =
        parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
    String algNone =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    Map<String, Integer> cases =
        Map.of(
            request(token(email, "not-sigstore"), key, pop),
            401,
            request(badSignature, key, pop),
            401,
            request(algNone, key, pop),
            401,
            request("garbage", key, pop),
            401,
            request(null, key, pop),
            401,
            request(good, key, "someone-else".getBytes(StandardCharsets.UTF_8)),
            400,
            "{\"credentials\":{\"oidcIdentityToken\":\"" + good + "\"}}",
            400,
            "not json",
            400);
    for (var c : cases.entrySet()) {
      HttpResponse<String> r =
          post(url("caUrl") + "/api/v2/signingCert", "application/json", c.getKey());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(c.getValue());
      assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
    }
    assertThat(ctSize()).isEqualTo(before);
    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create(url("caUrl") + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics).contains("hallmark_ca_refusals_total");
  }
}
