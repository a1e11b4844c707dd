package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.server.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyless certificates for identities from an external OIDC provider (mock-oauth2-server). */
class ExternalOidcTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dataDir;

  @Test
  void issuesForTheConfiguredExternalIssuerOnly() throws Exception {
    MockOAuth2Server oidc = new MockOAuth2Server();
    oidc.start(InetAddress.getLoopbackAddress(), 0);
    try {
      String issuer = oidc.issuerUrl("corp").toString().replaceAll("/$", "");
      Path issuers = dataDir.resolve("issuers.json");
      Files.writeString(
          issuers,
          "[{\"issuerUrl\":\"" + issuer + "\",\"type\":\"email\",\"clientId\":\"sigstore\"}]");
      try (HallmarkServer server =
          HallmarkServer.start(
              TestConfigs.anyPorts(dataDir, "ca.issuers.file", issuers.toString()))) {
        String caUrl = server.endpoints().get("caUrl");
        Signer key =
            Signers.create(
                Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom()),
                KeyDetails.PKIX_ECDSA_P256_SHA_256);
        String token =
            oidc.issueToken(
                    "corp",
                    "employee-7",
                    "sigstore",
                    Map.of("email", "employee@corp.example", "email_verified", true),
                    300L)
                .serialize();
        HttpResponse<String> r = signingCert(caUrl, token, key, "employee-7");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode certs =
            JSON.readTree(r.body())
                .get("signedCertificateEmbeddedSct")
                .get("chain")
                .get("certificates");
        X509Certificate leaf =
            (X509Certificate)
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                        new ByteArrayInputStream(
                            certs.get(0).asText().getBytes(StandardCharsets.US_ASCII)));
        assertThat(leaf.getSubjectAlternativeNames())
            .containsExactly(List.of(1, "employee@corp.example"));
        // A token from an issuer the CA was not configured with is refused.
        String other =
            oidc.issueToken(
                    "elsewhere",
                    "x",
                    "sigstore",
                    Map.of("email", "x@corp.example", "email_verified", true),
                    300L)
                .serialize();
        assertThat(signingCert(caUrl, other, key, "x").statusCode()).isEqualTo(401);
      }
    } finally {
      oidc.shutdown();
    }
  }

  /**
   * A {@code ci-provider} issuer configured in {@code ca.issuers.file} with claim templates: the
   * certificate's URI SAN and CI-provenance extensions are rendered from the token's claims and the
   * configured defaults.
   */
  @Test
  void ciProviderIssuerRendersClaimTemplatesIntoTheCertificate() throws Exception {
    MockOAuth2Server oidc = new MockOAuth2Server();
    oidc.start(InetAddress.getLoopbackAddress(), 0);
    try {
      String issuer = oidc.issuerUrl("ci").toString().replaceAll("/$", "");
      Path issuers = dataDir.resolve("issuers.json");
      Files.writeString(
          issuers,
          "[{\"issuerUrl\":\""
              + issuer
              + "\",\"type\":\"ci-provider\",\"clientId\":\"sigstore\",\"ciProvider\":{"
              + "\"subjectAlternativeNameTemplate\":\"{{ .url }}/{{ .repository }}/build.yml@{{ .ref }}\","
              + "\"extensionTemplates\":{\"SourceRepositoryURI\":\"{{ .url }}/{{ .repository }}\","
              + "\"SourceRepositoryDigest\":\"sha\",\"1.3.6.1.4.1.57264.1.14\":\"ref\","
              + "\"RunnerEnvironment\":\"runner\"},"
              + "\"defaultTemplateValues\":{\"url\":\"https://ci.example.com\","
              + "\"runner\":\"hosted\"}}}]");
      try (HallmarkServer server =
          HallmarkServer.start(
              TestConfigs.anyPorts(dataDir, "ca.issuers.file", issuers.toString()))) {
        Signer key =
            Signers.create(
                Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom()),
                KeyDetails.PKIX_ECDSA_P256_SHA_256);
        String subject = "repo:team/app:ref:refs/heads/main";
        String token =
            oidc.issueToken(
                    "ci",
                    subject,
                    "sigstore",
                    Map.of(
                        "repository", "team/app",
                        "ref", "refs/heads/main",
                        "sha", "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"),
                    300L)
                .serialize();
        HttpResponse<String> r = signingCert(server.endpoints().get("caUrl"), token, key, subject);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        X509Certificate leaf = leaf(r.body());
        assertThat(leaf.getSubjectAlternativeNames())
            .containsExactly(
                List.of(6, "https://ci.example.com/team/app/build.yml@refs/heads/main"));
        assertThat(utf8Extension(leaf, "1.3.6.1.4.1.57264.1.8")).isEqualTo(issuer);
        assertThat(utf8Extension(leaf, "1.3.6.1.4.1.57264.1.12"))
            .isEqualTo("https://ci.example.com/team/app");
        assertThat(utf8Extension(leaf, "1.3.6.1.4.1.57264.1.13"))
            .isEqualTo("0a1b2c3d4e5f60718293a4b5c6d7e8f901234567");
        assertThat(utf8Extension(leaf, "1.3.6.1.4.1.57264.1.14")).isEqualTo("refs/heads/main");
        // the default, as no claim of that name is in the token
        assertThat(utf8Extension(leaf, "1.3.6.1.4.1.57264.1.11")).isEqualTo("hosted");
        assertThat(utf8Extension(leaf, "1.3.6.1.4.1.57264.1.24")).isEqualTo(subject);
      }
    } finally {
      oidc.shutdown();
    }
  }

  /** An issuers file with a misspelt field is refused at start, naming the field. */
  @Test
  void issuersFileWithAnUnknownFieldIsRefused() throws Exception {
    Path issuers = dataDir.resolve("issuers.json");
    Files.writeString(
        issuers,
        "[{\"issuerUrl\":\"https://oidc.example\",\"type\":\"email\",\"clientID\":\"x\"}]");
    assertThatThrownBy(
            () ->
                HallmarkServer.start(
                    TestConfigs.anyPorts(dataDir, "ca.issuers.file", issuers.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad issuer #1")
        .hasMessageContaining("clientID");
  }

  private static X509Certificate leaf(String body) throws Exception {
    JsonNode certs =
        JSON.readTree(body).get("signedCertificateEmbeddedSct").get("chain").get("certificates");
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(
                    certs.get(0).asText().getBytes(StandardCharsets.US_ASCII)));
  }

  /** The DER UTF8String value of a non-critical extension. */
  private static String utf8Extension(X509Certificate cert, String oid) {
    byte[] octets = cert.getExtensionValue(oid);
    assertThat(octets).as("extension %s", oid).isNotNull();
    return org.bouncycastle.asn1.ASN1UTF8String.getInstance(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(octets).getOctets())
        .getString();
  }

  private static HttpResponse<String> signingCert(
      String caUrl, String token, Signer key, String sub) throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.putObject("credentials").put("oidcIdentityToken", token);
    ObjectNode pkr = req.putObject("publicKeyRequest");
    pkr.putObject("publicKey")
        .put("algorithm", "ECDSA")
        .put("content", PublicKeys.pem("PUBLIC KEY", key.publicKey().getEncoded()));
    pkr.put(
        "proofOfPossession",
        Base64.getEncoder().encodeToString(key.sign(sub.getBytes(StandardCharsets.UTF_8))));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(caUrl + "/api/v2/signingCert"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(req.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
