package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.ca.issuance.SoftHsm;
import dev.sigstore.AlgorithmRegistry;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.encryption.signers.Signer;
import dev.sigstore.encryption.signers.Signers;
import dev.sigstore.fulcio.client.CertificateRequest;
import dev.sigstore.fulcio.client.FulcioClientGrpc;
import dev.sigstore.trustroot.Service;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA's key and the CT and Rekor v1 logs' keys on a PKCS#11 token (SoftHSM2), chosen by server
 * configuration ({@code pkcs11.*}, {@code ca.pkcs11.label}, {@code ctlog.pkcs11.label}, {@code
 * rekor.v1.pkcs11.label}): generated inside the token on first start, no private key file written,
 * and both real clients accept what the token signed — sigstore-js keyless signing (certificate
 * chain, embedded SCT, Rekor v1 SET) and sigstore-java's gRPC certificate. A second server on the
 * same token finds the same keys.
 *
 * <p>This module's tests run with {@code SOFTHSM2_CONF} pointing into {@code target/softhsm}
 * (pom.xml), where this test creates the token before any server opens it.
 */
class Pkcs11KeysTest {
  private static final String PIN = "2718-hallmark";

  @TempDir Path work;

  @Test
  void caCtAndRekorKeysLiveOnTheTokenAndBothClientsAcceptWhatItSigned() throws Exception {
    Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
    deleteTree(conf.getParent());
    SoftHsm hsm = SoftHsm.freshTokenAt(conf, "hallmark-keys", PIN);
    Map<String, String> settings = new HashMap<>();
    settings.put("pkcs11.library", hsm.library.toString());
    settings.put("pkcs11.slot", Long.toString(hsm.slotId));
    settings.put("pkcs11.pin", PIN);
    settings.put("ca.pkcs11.label", "hallmark-ca");
    settings.put("ctlog.pkcs11.label", "hallmark-ctlog");
    settings.put("rekor.v1.pkcs11.label", "hallmark-rekor-v1");
    settings.put("tsa.pkcs11.label", "hallmark-tsa");
    settings.put("ca.tls", "true"); // sigstore-java's gRPC client speaks TLS only

    String chain;
    String ctKey;
    String v1Key;
    String tsaChain;
    HallmarkInstance hallmark = HallmarkInstance.start(settings);
    CaTlsTrust trust = CaTlsTrust.install(hallmark.dataDir());
    try {
      Path data = hallmark.dataDir();
      assertThat(privateKeyFiles(data))
          .as("only the Rekor v2 and OIDC keys are files; the token holds the rest")
          .allSatisfy(
              p -> assertThat(p.getFileName().toString()).matches("rekor-v2.*|oidc.*|ca-tls.*"));
      signWithSigstoreJs(hallmark, "hsm-js@example.com");
      X509Certificate leaf = certificateWithSigstoreJava(hallmark, "hsm-java@example.com");
      leaf.verify(hallmark.caChain().get(0).getPublicKey());
      chain = Files.readString(data.resolve("ca-chain.pem"));
      ctKey = Files.readString(data.resolve("ctlog.pub"));
      v1Key = Files.readString(data.resolve("rekor-v1-log.pub"));
      tsaChain = Files.readString(data.resolve("tsa-chain.pem"));
    } finally {
      trust.close();
      hallmark.close();
    }
    HallmarkInstance again = HallmarkInstance.start(settings);
    trust = CaTlsTrust.install(again.dataDir());
    try {
      assertThat(Files.readString(again.dataDir().resolve("ca-chain.pem"))).isEqualTo(chain);
      assertThat(Files.readString(again.dataDir().resolve("ctlog.pub"))).isEqualTo(ctKey);
      assertThat(Files.readString(again.dataDir().resolve("rekor-v1-log.pub"))).isEqualTo(v1Key);
      assertThat(Files.readString(again.dataDir().resolve("tsa-chain.pem"))).isEqualTo(tsaChain);
      timestampSignedByTheToken(again);
      signWithSigstoreJs(again, "hsm-again@example.com");
    } finally {
      trust.close();
      again.close();
    }
  }

  /** A timestamp from the TSA, whose key is on the token, verifies with the published chain. */
  private static void timestampSignedByTheToken(HallmarkInstance hallmark) throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest("a signature".getBytes(StandardCharsets.UTF_8));
    org.bouncycastle.tsp.TimeStampRequest request =
        new org.bouncycastle.tsp.TimeStampRequestGenerator()
            .generate(
                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256,
                digest,
                java.math.BigInteger.valueOf(99));
    java.net.http.HttpResponse<byte[]> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(URI.create(hallmark.tsaUrl()))
                    .header("content-type", "application/timestamp-query")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    org.bouncycastle.tsp.TimeStampResponse response =
        new org.bouncycastle.tsp.TimeStampResponse(r.body());
    response.validate(request);
    X509Certificate tsaCert;
    try (java.io.InputStream in =
        Files.newInputStream(hallmark.dataDir().resolve("tsa-chain.pem"))) {
      tsaCert =
          (X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    response
        .getTimeStampToken()
        .validate(
            new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(tsaCert));
  }

  /** Files under {@code dir} that hold a private key. */
  private static List<Path> privateKeyFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("postgres"))
          // the TUF repository's keys are files (trust.keys.dir); not PKCS#11 yet
          .filter(p -> !p.getParent().endsWith(Path.of("tuf", "keys")))
          .filter(
              p -> {
                try {
                  return Files.readString(p, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY");
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  /** sigstore-js keyless sign; signing and verification against the trusted root must pass. */
  private void signWithSigstoreJs(HallmarkInstance hallmark, String email) throws Exception {
    SigstoreJs client = SigstoreJs.installed();
    ObjectNode r = client.request();
    r.put("mode", "sign");
    r.put("oidcIssuerURL", hallmark.oidcIssuerUrl());
    r.put("email", email);
    r.put("fulcioURL", hallmark.caUrl().toString());
    r.put("rekorURL", hallmark.rekorV1Url().toString());
    r.put("data", "signed through keys on a PKCS#11 token");
    r.put("bundleOut", work.resolve("bundle.json").toString());
    r.putArray("verifications")
        .addObject()
        .put("name", "trusted")
        .put("trustedRoot", hallmark.trustedRoot().toString());
    JsonNode report =
        client.run("sigstore-js-keyless.js", r, work, CaTlsTrust.nodeEnv(hallmark.dataDir(), work));
    assertThat(report.get("ok").asBoolean()).as("sigstore-js report %s", report).isTrue();
    JsonNode v = report.get("verifications").get("trusted");
    assertThat(v.get("ok").asBoolean()).as("%s", v).isTrue();
    assertThat(v.get("subjectAlternativeName").asText()).isEqualTo(email);
  }

  /** sigstore-java's gRPC client; its proof of possession is over the email (= sub here). */
  private static X509Certificate certificateWithSigstoreJava(
      HallmarkInstance hallmark, String email) throws Exception {
    Signer signer = Signers.from(AlgorithmRegistry.SigningAlgorithm.PKIX_ECDSA_P256_SHA_256);
    FulcioClientGrpc grpc =
        FulcioClientGrpc.builder().setService(Service.of(hallmark.caUrl(), 1)).build();
    CertPath path =
        grpc.signingCertificate(
            CertificateRequest.newCertificateRequest(
                signer.getPublicKey(),
                hallmark.builtInToken(email),
                signer.sign(email.getBytes(StandardCharsets.UTF_8))));
    X509Certificate leaf = Certificates.getLeaf(path);
    assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(1, email));
    return leaf;
  }

  private static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
