package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sigstore.fulcio.client.FulcioVerifier;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * sigstore-java 2.0.0's signer-side checks on Hallmark's CA answer. {@code KeylessSigner} reaches a
 * CA only over gRPC/TLS, which Hallmark does not serve yet, so the request it would send goes over
 * Fulcio REST here and the answer goes through the same {@code FulcioVerifier} calls.
 */
@ExtendWith(HallmarkExtension.class)
class SigstoreJavaCaResponseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "java-signer@example.com";
  private static HallmarkInstance hallmark;

  @BeforeAll
  static void setUp(HallmarkInstance instance) {
    hallmark = instance;
  }

  private static dev.sigstore.trustroot.SigstoreTrustedRoot trustedRoot() throws Exception {
    return SigstoreJavaRekorV1Test.trustedRoot(hallmark);
  }

  /**
   * What sigstore-java 2.0.0's {@code KeylessSigner} would do with the CA's answer, with the
   * request it would send (key PEM on one line, proof of possession over {@code sub}, which here
   * differs from the email) posted over REST since it speaks only gRPC: {@code trimTrustedParent}
   * finds the trusted root's whole {@code certChain} as the suffix of the returned chain, then
   * {@code verifySigningCertificate} checks the path and the SCT.
   */
  @Test
  void sigstoreJavaSignerChecksAcceptTheCaResponse() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String subject = "keyless-subject-" + System.nanoTime();
    String token =
        JSON.readTree(
                post(
                    http,
                    hallmark.oidcIssuerUrl() + "/token",
                    "{\"email\":\"" + EMAIL + "\",\"sub\":\"" + subject + "\"}",
                    200))
            .get("id_token")
            .asText();
    KeyPair key = TestKeys.ecKey();
    ObjectNode req = JSON.createObjectNode();
    req.putObject("credentials").put("oidcIdentityToken", token);
    ObjectNode pkr = req.putObject("publicKeyRequest");
    pkr.putObject("publicKey")
        .put("algorithm", "ECDSA")
        .put(
            "content",
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----");
    pkr.put(
        "proofOfPossession",
        Base64.getEncoder()
            .encodeToString(TestKeys.sign(key, subject.getBytes(StandardCharsets.UTF_8))));
    JsonNode pems =
        JSON.readTree(post(http, hallmark.caUrl() + "/api/v2/signingCert", req.toString(), 201))
            .get("signedCertificateEmbeddedSct")
            .get("chain")
            .get("certificates");
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new java.util.ArrayList<>();
    for (JsonNode pem : pems) {
      chain.add(
          (X509Certificate)
              cf.generateCertificate(
                  new ByteArrayInputStream(pem.asText().getBytes(StandardCharsets.US_ASCII))));
    }
    assertThat(chain.subList(1, chain.size())).isEqualTo(hallmark.caChain());
    FulcioVerifier verifier = FulcioVerifier.newFulcioVerifier(trustedRoot());
    CertPath trimmed = verifier.trimTrustedParent(cf.generateCertPath(chain));
    assertThat(trimmed.getCertificates()).hasSize(1);
    assertThat(trimmed.getCertificates().get(0)).isEqualTo(chain.get(0));
    verifier.verifySigningCertificate(trimmed);
    assertThat(chain.get(0).getPublicKey()).isEqualTo(key.getPublic());
    assertThat(chain.get(0).getSubjectAlternativeNames()).containsExactly(List.of(1, EMAIL));
  }

  private static String post(HttpClient http, String url, String json, int status)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("POST %s: %s", url, r.body()).isEqualTo(status);
    return r.body();
  }
}
