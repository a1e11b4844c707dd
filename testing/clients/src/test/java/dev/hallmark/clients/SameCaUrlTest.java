package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sigstore.AlgorithmRegistry;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.encryption.signers.Signer;
import dev.sigstore.encryption.signers.Signers;
import dev.sigstore.fulcio.client.CertificateRequest;
import dev.sigstore.fulcio.client.FulcioClientGrpc;
import dev.sigstore.trustroot.Service;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both clients against ONE server whose CA port speaks TLS: sigstore-js over Fulcio REST and
 * sigstore-java over gRPC, from the same {@code https} CA URL. Node trusts the CA port's
 * self-signed certificate through {@code NODE_EXTRA_CA_CERTS}, the JVM through {@code
 * javax.net.ssl.trustStore} ({@link CaTlsTrust}).
 *
 * <p>The CA also accepts an external OIDC provider ({@code ca.issuers.file}, an in-process
 * mock-oauth2-server issuer {@code corp}) next to the built-in issuer; both clients get
 * certificates for its tokens, with the token's email as SAN.
 */
class SameCaUrlTest {
  private static final String CLIENT_ID = "sigstore";

  @TempDir static Path config;
  private static MockOAuth2Server oidc;
  private static String externalIssuer;
  private static HallmarkInstance hallmark;
  private static CaTlsTrust trust;
  private static SigstoreJs client;
  private static Map<String, String> nodeEnv;

  @TempDir Path work;

  @BeforeAll
  static void start() throws Exception {
    client = SigstoreJs.installed();
    oidc = new MockOAuth2Server();
    oidc.start(InetAddress.getLoopbackAddress(), 0);
    externalIssuer = oidc.issuerUrl("corp").toString().replaceAll("/$", "");
    Path issuers = config.resolve("issuers.json");
    Files.writeString(
        issuers,
        "[{\"issuerUrl\":\""
            + externalIssuer
            + "\",\"type\":\"email\",\"clientId\":\""
            + CLIENT_ID
            + "\"}]");
    hallmark =
        HallmarkInstance.start(Map.of("ca.tls", "true", "ca.issuers.file", issuers.toString()));
    assertThat(hallmark.caUrl().getScheme()).isEqualTo("https");
    trust = CaTlsTrust.install(hallmark.dataDir());
    nodeEnv = CaTlsTrust.nodeEnv(hallmark.dataDir(), config);
  }

  @AfterAll
  static void stop() throws Exception {
    if (trust != null) {
      trust.close();
    }
    if (hallmark != null) {
      hallmark.close();
    }
    if (oidc != null) {
      oidc.shutdown();
    }
  }

  /** A token from the external provider: {@code sub} differs from the email. */
  private static String externalToken(String subject, String email) {
    return oidc.issueToken(
            "corp", subject, CLIENT_ID, Map.of("email", email, "email_verified", true), 300L)
        .serialize();
  }

  /**
   * sigstore-js keyless {@code sign} with the https CA URL; {@code token} null: from the built-in
   * issuer. Requires signing and verification against the trusted root (SAN, issuer) to pass.
   */
  private JsonNode signWithSigstoreJs(String email, String issuer, String token) throws Exception {
    ObjectNode r = client.request();
    r.put("mode", "sign");
    r.put("oidcIssuerURL", issuer);
    r.put("email", email);
    if (token != null) {
      r.put("identityToken", token);
    }
    r.put("fulcioURL", hallmark.caUrl().toString());
    r.put("rekorURL", hallmark.rekorV1Url().toString());
    r.put("data", "signed by sigstore-js through Hallmark's TLS CA");
    r.put("bundleOut", work.resolve("bundle.json").toString());
    r.putArray("verifications")
        .addObject()
        .put("name", "trusted")
        .put("trustedRoot", hallmark.trustedRoot().toString());
    JsonNode report = client.run("sigstore-js-keyless.js", r, work, nodeEnv);
    assertThat(report.get("ok").asBoolean()).as("sigstore-js report %s", report).isTrue();
    assertThat(report.get("token").get("iss").asText()).isEqualTo(issuer);
    JsonNode v = report.get("verifications").get("trusted");
    assertThat(v.get("ok").asBoolean()).as("%s", v).isTrue();
    assertThat(v.get("subjectAlternativeName").asText()).isEqualTo(email);
    assertThat(v.get("issuer").asText()).isEqualTo(issuer);
    return report;
  }

  /**
   * sigstore-java's gRPC client on the same CA URL; the proof of possession is over {@code sub}.
   */
  private static X509Certificate certificateWithSigstoreJava(String token, String subject)
      throws Exception {
    Signer signer = Signers.from(AlgorithmRegistry.SigningAlgorithm.PKIX_ECDSA_P256_SHA_256);
    FulcioClientGrpc grpc =
        FulcioClientGrpc.builder().setService(Service.of(hallmark.caUrl(), 1)).build();
    CertPath path =
        grpc.signingCertificate(
            CertificateRequest.newCertificateRequest(
                signer.getPublicKey(),
                token,
                signer.sign(subject.getBytes(StandardCharsets.UTF_8))));
    X509Certificate leaf = Certificates.getLeaf(path);
    assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(signer.getPublicKey().getEncoded());
    leaf.verify(hallmark.caChain().get(0).getPublicKey());
    return leaf;
  }

  @Test
  void sigstoreJsOverRestAndSigstoreJavaOverGrpcFromTheSameHttpsCaUrl() throws Exception {
    signWithSigstoreJs("js-tls@example.com", hallmark.oidcIssuerUrl(), null);

    String email = "java-tls@example.com";
    X509Certificate leaf = certificateWithSigstoreJava(hallmark.builtInToken(email), email);
    assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(1, email));
  }

  @Test
  void bothClientsGetCertificatesForAnExternalProvidersToken() throws Exception {
    String jsEmail = "js-employee@corp.example";
    signWithSigstoreJs(jsEmail, externalIssuer, externalToken("employee-js", jsEmail));

    String javaEmail = "java-employee@corp.example";
    X509Certificate leaf =
        certificateWithSigstoreJava(externalToken("employee-java", javaEmail), "employee-java");
    assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(1, javaEmail));
  }
}
