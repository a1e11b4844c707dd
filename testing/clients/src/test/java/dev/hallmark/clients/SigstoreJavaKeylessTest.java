package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.BundleVerifier;
import dev.hallmark.core.verify.CertificateIdentity;
import dev.hallmark.core.verify.VerificationPolicy;
import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.config.ServerConfig;
import dev.sigstore.AlgorithmRegistry;
import dev.sigstore.KeylessSigner;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.SigningConfigProvider;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.encryption.signers.Signer;
import dev.sigstore.encryption.signers.Signers;
import dev.sigstore.fulcio.client.CertificateRequest;
import dev.sigstore.fulcio.client.FulcioClientGrpc;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.oidc.client.OidcClients;
import dev.sigstore.oidc.client.TokenStringOidcClient;
import dev.sigstore.strings.StringMatcher;
import dev.sigstore.trustroot.Service;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * sigstore-java 2.0.0 keyless signing against Hallmark with TLS on the CA port: its gRPC Fulcio
 * client gets a certificate over TLS (trusting the server's generated self-signed certificate
 * through {@code javax.net.ssl.trustStore}, as a user would), its own checks accept it (chain to
 * the trusted root's CA, embedded SCT from the trusted root's CT log), and {@code KeylessSigner}
 * then signs with Rekor v1 and {@code KeylessVerifier} and Hallmark's {@code BundleVerifier} verify
 * the bundle.
 *
 * <p>A server of its own (not the shared {@link HallmarkInstance}, whose CA speaks plain HTTP for
 * sigstore-js).
 */
class SigstoreJavaKeylessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path dataDir;
  private static HallmarkServer server;
  private static URI ca;
  private static Path trustedRoot;
  private static Path signingConfig;
  private static CaTlsTrust trust;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("hallmark-keyless-");
    server =
        HallmarkServer.start(
            ServerConfig.of(
                withAnalyzerPort(
                    Map.of(
                        "data.dir", dataDir.toString(),
                        "rekor.v1.port", "0",
                        "rekor.v2.port", "0",
                        "ctlog.port", "0",
                        "ca.port", "0",
                        "tsa.port", "0",
                        "trust.port", "0",
                        "ca.tls", "true",
                        "oidc.port", "0",
                        "oidc.enabled", "true"))));
    ca = URI.create(server.endpoints().get("caUrl"));
    assertThat(ca.getScheme()).isEqualTo("https");
    // the trust documents the server itself writes for its clients
    trustedRoot = dataDir.resolve("trusted_root.json");
    signingConfig = dataDir.resolve("signing_config.v0.2.json");
    trust = CaTlsTrust.install(dataDir);
  }

  /** The map plus {@code analyzer.port=0} (Map.of takes at most ten pairs). */
  private static Map<String, String> withAnalyzerPort(Map<String, String> config) {
    Map<String, String> out = new java.util.HashMap<>(config);
    out.put("analyzer.port", "0");
    return out;
  }

  @AfterAll
  static void stop() throws Exception {
    if (trust != null) {
      trust.close();
    }
    if (server != null) {
      server.close();
    }
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A token from the built-in issuer; its {@code sub} is the email (what 2.0.0 signs). */
  private static String token(String email) throws Exception {
    HttpResponse<String> r =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.endpoints().get("oidcIssuerUrl") + "/token"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("id_token").asText();
  }

  private static SigstoreTrustedRoot sigstoreTrustedRoot() throws Exception {
    try (InputStream in = Files.newInputStream(trustedRoot)) {
      return SigstoreTrustedRoot.from(in);
    }
  }

  @Test
  void fulcioGrpcClientGetsACertificateThatItsVerifierAccepts() throws Exception {
    String email = "java-grpc@example.com";
    Signer signer = Signers.from(AlgorithmRegistry.SigningAlgorithm.PKIX_ECDSA_P256_SHA_256);
    FulcioClientGrpc client = FulcioClientGrpc.builder().setService(Service.of(ca, 1)).build();
    CertPath path =
        client.signingCertificate(
            CertificateRequest.newCertificateRequest(
                signer.getPublicKey(),
                token(email),
                signer.sign(email.getBytes(StandardCharsets.UTF_8))));
    assertThat(path.getCertificates()).hasSize(3);

    // exactly KeylessSigner's checks: trim the trusted CA chain (suffix match), then PKIX + SCT
    FulcioVerifier verifier = FulcioVerifier.newFulcioVerifier(sigstoreTrustedRoot());
    CertPath trimmed = verifier.trimTrustedParent(path);
    assertThat(trimmed.getCertificates()).hasSize(1);
    verifier.verifySigningCertificate(trimmed);
    X509Certificate leaf = Certificates.getLeaf(trimmed);
    assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(signer.getPublicKey().getEncoded());
    assertThat(leaf.getSubjectAlternativeNames().iterator().next().get(1)).isEqualTo(email);
  }

  @Test
  void fulcioGrpcRefusalsAreGrpcErrors() throws Exception {
    Signer signer = Signers.from(AlgorithmRegistry.SigningAlgorithm.PKIX_ECDSA_P256_SHA_256);
    FulcioClientGrpc client = FulcioClientGrpc.builder().setService(Service.of(ca, 1)).build();
    String email = "refused@example.com";
    // proof of possession over another identity
    assertThatThrownBy(
            () ->
                client.signingCertificate(
                    CertificateRequest.newCertificateRequest(
                        signer.getPublicKey(),
                        token(email),
                        signer.sign("someone-else".getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode().name()).isEqualTo("INVALID_ARGUMENT"));
  }

  @Test
  void keylessSignerSignsWithRekorV1AndKeylessVerifierAccepts() throws Exception {
    String email = "java-keyless@example.com";
    KeylessSigner signer =
        KeylessSigner.builder()
            .trustedRootProvider(TrustedRootProvider.from(trustedRoot))
            .signingConfigProvider(SigningConfigProvider.from(signingConfig))
            .signingAlgorithm(AlgorithmRegistry.SigningAlgorithm.PKIX_ECDSA_P256_SHA_256)
            .forceCredentialProviders(OidcClients.of(TokenStringOidcClient.from(token(email))))
            .build();
    Path artifact = dataDir.resolve("artifact.txt");
    Files.writeString(artifact, "signed by sigstore-java through Hallmark's gRPC CA\n");
    Bundle bundle = signer.signFile(artifact);
    assertThat(bundle.getEntries()).hasSize(1);
    assertThat(bundle.getEntries().get(0).getVerification().getInclusionProof()).isNotNull();

    KeylessVerifier verifier =
        KeylessVerifier.builder()
            .trustedRootProvider(TrustedRootProvider.from(trustedRoot))
            .build();
    VerificationOptions options =
        VerificationOptions.builder()
            .addCertificateMatchers(
                VerificationOptions.CertificateMatcher.fulcio()
                    .subjectAlternativeName(StringMatcher.string(email))
                    .issuer(StringMatcher.string(server.endpoints().get("oidcIssuerUrl")))
                    .build())
            .build();
    verifier.verify(artifact, bundle, options);

    // Through JSON as a user would store it. sigstore-java's own parser refuses log index 0 and an
    // empty proof (proto3 JSON omits both), so this fresh log needs a second entry first.
    Files.writeString(artifact, "signed again\n");
    Bundle second = signer.signFile(artifact);
    assertThat(second.getEntries().get(0).getLogIndex()).isPositive();
    Bundle parsed = Bundle.from(new StringReader(second.toJson()));
    verifier.verify(artifact, parsed, options);

    // Hallmark's own verifier accepts the same bundle (CA chain, SCT from Hallmark's CT log,
    // Rekor v1 SET and inclusion proof, body) and refuses it for another artifact
    BundleVerifier hallmark =
        new BundleVerifier(
            dev.hallmark.core.bundle.TrustedRoot.parse(Files.readAllBytes(trustedRoot)));
    dev.hallmark.core.bundle.Bundle ours =
        dev.hallmark.core.bundle.Bundle.parse(second.toJson().getBytes(StandardCharsets.UTF_8));
    VerificationPolicy policy =
        VerificationPolicy.of(
            CertificateIdentity.exact(email, server.endpoints().get("oidcIssuerUrl")));
    assertThat(hallmark.verify(ours, Artifact.read(artifact), policy).signingTimes()).hasSize(1);
    assertThatThrownBy(
            () ->
                hallmark.verify(
                    ours, Artifact.of("other\n".getBytes(StandardCharsets.UTF_8)), policy))
        .isInstanceOf(dev.hallmark.core.verify.VerificationException.class)
        .hasMessageStartingWith("message digest:");

    // another identity does not match
    assertThatThrownBy(
            () ->
                verifier.verify(
                    artifact,
                    parsed,
                    VerificationOptions.builder()
                        .addCertificateMatchers(
                            VerificationOptions.CertificateMatcher.fulcio()
                                .subjectAlternativeName(StringMatcher.string("other@example.com"))
                                .issuer(
                                    StringMatcher.string(server.endpoints().get("oidcIssuerUrl")))
                                .build())
                        .build()))
        .isInstanceOf(dev.sigstore.KeylessVerificationException.class);
  }

  /**
   * sigstore-java with Rekor v2 chosen from the server's signing config: the certificate from the
   * CA, an RFC 3161 timestamp from Hallmark's TSA over the signature, a v2 entry; {@code
   * KeylessVerifier} accepts it against the server's trusted root (the timestamp is what proves the
   * certificate was valid, v2 entries carrying no integrated time) and refuses it against the same
   * root without the TSA.
   */
  @Test
  void keylessSignerWithRekorV2AndTheTsaFromTheSigningConfig() throws Exception {
    String email = "java-v2@example.com";
    KeylessSigner signer =
        KeylessSigner.builder()
            .trustedRootProvider(TrustedRootProvider.from(trustedRoot))
            .signingConfigProvider(SigningConfigProvider.from(signingConfig))
            .enableRekorV2(true)
            .signingAlgorithm(AlgorithmRegistry.SigningAlgorithm.PKIX_ECDSA_P256_SHA_256)
            .forceCredentialProviders(OidcClients.of(TokenStringOidcClient.from(token(email))))
            .build();
    Path artifact = dataDir.resolve("artifact-v2.txt");
    Files.writeString(artifact, "signed by sigstore-java with Rekor v2 and Hallmark's TSA\n");
    Bundle bundle = signer.signFile(artifact);
    assertThat(bundle.getTimestamps()).hasSize(1);
    assertThat(bundle.getEntries()).hasSize(1);
    assertThat(bundle.getEntries().get(0).getLogID())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(
                    Base64.getDecoder()
                        .decode(
                            JSON.readTree(trustedRoot.toFile())
                                .get("tlogs")
                                .get(0)
                                .get("logId")
                                .get("keyId")
                                .asText())));
    VerificationOptions options =
        VerificationOptions.builder()
            .addCertificateMatchers(
                VerificationOptions.CertificateMatcher.fulcio()
                    .subjectAlternativeName(StringMatcher.string(email))
                    .issuer(StringMatcher.string(server.endpoints().get("oidcIssuerUrl")))
                    .build())
            .build();
    KeylessVerifier.builder()
        .trustedRootProvider(TrustedRootProvider.from(trustedRoot))
        .build()
        .verify(artifact, bundle, options);

    ObjectNode withoutTsa = (ObjectNode) JSON.readTree(trustedRoot.toFile());
    withoutTsa.putArray("timestampAuthorities");
    Path noTsa =
        HallmarkInstance.writeJson(dataDir.resolve("trusted_root-no-tsa.json"), withoutTsa);
    assertThatThrownBy(
            () ->
                KeylessVerifier.builder()
                    .trustedRootProvider(TrustedRootProvider.from(noTsa))
                    .build()
                    .verify(artifact, bundle, options))
        .isInstanceOf(dev.sigstore.KeylessVerificationException.class);
  }
}
