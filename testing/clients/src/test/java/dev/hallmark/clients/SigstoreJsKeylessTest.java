package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.fulcio.client.FulcioVerificationException;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.strings.StringMatcher;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyless signing end to end with the built-in issuer: sigstore-js 5 gets an ID token from
 * Hallmark's OIDC issuer, a certificate over Fulcio REST from Hallmark's CA (embedded SCT from
 * Hallmark's CT log) and a Rekor v1 entry ({@code sigstore.sign} / {@code sigstore.attest}); then
 * {@code @sigstore/verify}'s {@code Verifier} (chain, SCT, SET, tlog, signature, identity) and
 * sigstore-java 2.0.0's {@code KeylessVerifier} / {@code FulcioVerifier} (chain at notBefore,
 * mandatory SCT, tlog, signature, identity) accept the bundle against a trusted root listing
 * Hallmark's CA and CT log, and both refuse it against roots with another CT log or another CA.
 */
@ExtendWith(HallmarkExtension.class)
class SigstoreJsKeylessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "keyless@example.com";
  private static final String ARTIFACT = "hello, keyless sigstore-js";
  private static final String SAN_EXT_OID = "2.5.29.17";
  private static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";
  private static final String ISSUER_V2_OID = "1.3.6.1.4.1.57264.1.8";

  @TempDir static Path roots;
  private static HallmarkInstance hallmark;
  private static SigstoreJs client;

  /** Trusted roots by name: Hallmark's, and the negative controls. */
  private static Map<String, Path> trustedRoots;

  @TempDir Path work;

  @BeforeAll
  static void setUp(HallmarkInstance instance) throws Exception {
    hallmark = instance;
    client = SigstoreJs.installed();
    // a different CT log: another key and its own log ID (the SCT's log is then unknown)
    ObjectNode otherCtlog = instance.trustedRootTree();
    byte[] otherKey = TestKeys.ecKey().getPublic().getEncoded();
    ArrayNode ctlogs = otherCtlog.putArray("ctlogs");
    HallmarkInstance.tlog(
        ctlogs.addObject(),
        instance.ctlogUrl(),
        otherKey,
        "PKIX_ECDSA_P256_SHA_256",
        HallmarkInstance.sha256(otherKey));
    // Hallmark's CT log ID, another key: the SCT's log is found but its signature fails
    ObjectNode otherCtlogKey = instance.trustedRootTree();
    ((ObjectNode) otherCtlogKey.get("ctlogs").get(0).get("publicKey"))
        .put("rawBytes", Base64.getEncoder().encodeToString(otherKey));
    // another CA in place of Hallmark's
    ObjectNode otherCa = instance.trustedRootTree();
    HallmarkInstance.certificateAuthority(
        otherCa.putArray("certificateAuthorities").addObject(),
        URI.create("https://ca.elsewhere.example"),
        TestKeys.otherCaChain());
    trustedRoots =
        Map.of(
            "trusted", instance.trustedRoot(),
            "otherCtlog", HallmarkInstance.writeJson(roots.resolve("other-ctlog.json"), otherCtlog),
            "otherCtlogKey",
                HallmarkInstance.writeJson(roots.resolve("other-ctlog-key.json"), otherCtlogKey),
            "otherCa", HallmarkInstance.writeJson(roots.resolve("other-ca.json"), otherCa));
  }

  /** An in-toto statement about {@link #ARTIFACT}. */
  private static String statement() {
    String digest =
        HexFormat.of()
            .formatHex(HallmarkInstance.sha256(ARTIFACT.getBytes(StandardCharsets.UTF_8)));
    return "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"artifact\","
        + "\"digest\":{\"sha256\":\""
        + digest
        + "\"}}],\"predicateType\":\"https://example.com/predicate\",\"predicate\":{}}";
  }

  /** Runs sigstore-js keyless ({@code sign} or {@code attest}); requires the signing to succeed. */
  private JsonNode runKeyless(String mode) throws Exception {
    ObjectNode r = client.request();
    r.put("mode", mode);
    r.put("oidcIssuerURL", hallmark.oidcIssuerUrl());
    r.put("email", EMAIL);
    r.put("fulcioURL", hallmark.caUrl().toString());
    r.put("rekorURL", hallmark.rekorV1Url().toString());
    r.put("data", mode.equals("sign") ? ARTIFACT : statement());
    r.put("payloadType", "application/vnd.in-toto+json");
    r.put("bundleOut", work.resolve("bundle.json").toString());
    ArrayNode verifications = r.putArray("verifications");
    trustedRoots.forEach(
        (name, path) ->
            verifications.addObject().put("name", name).put("trustedRoot", path.toString()));
    verifications
        .addObject()
        .put("name", "otherIdentity")
        .put("trustedRoot", hallmark.trustedRoot().toString())
        .put("email", "^someone-else@example\\.com$");
    verifications
        .addObject()
        .put("name", "otherIssuer")
        .put("trustedRoot", hallmark.trustedRoot().toString())
        .put("issuer", "https://accounts.example.com");
    JsonNode report = client.run("sigstore-js-keyless.js", r, work);
    assertThat(report.get("ok").asBoolean()).as("sigstore-js report %s", report).isTrue();
    JsonNode token = report.get("token");
    assertThat(token.get("iss").asText()).isEqualTo(hallmark.oidcIssuerUrl());
    assertThat(token.get("aud").toString()).contains("sigstore");
    assertThat(token.get("email").asText()).isEqualTo(EMAIL);
    assertThat(token.get("email_verified").asBoolean()).isTrue();
    return report;
  }

  /** What sigstore-js's own Verifier said against each trusted root. */
  private static void assertSigstoreJsVerdicts(JsonNode report) {
    JsonNode v = report.get("verifications");
    assertThat(v.get("trusted").get("ok").asBoolean()).as("%s", v.get("trusted")).isTrue();
    assertThat(v.get("trusted").get("subjectAlternativeName").asText()).isEqualTo(EMAIL);
    assertThat(v.get("trusted").get("issuer").asText()).isEqualTo(hallmark.oidcIssuerUrl());
    for (String name : List.of("otherCtlog", "otherCtlogKey")) {
      assertThat(v.get(name).get("ok").asBoolean()).as(name).isFalse();
      assertThat(v.get(name).get("code").asText()).as(name).isEqualTo("CERTIFICATE_ERROR");
      assertThat(v.get(name).get("message").asText()).as(name).contains("SCT verification failed");
    }
    assertThat(v.get("otherCa").get("ok").asBoolean()).isFalse();
    assertThat(v.get("otherCa").get("code").asText()).isEqualTo("CERTIFICATE_ERROR");
    assertThat(v.get("otherCa").get("message").asText())
        .contains("Failed to verify certificate chain");
    for (String name : List.of("otherIdentity", "otherIssuer")) {
      assertThat(v.get(name).get("ok").asBoolean()).as(name).isFalse();
      assertThat(v.get(name).get("code").asText()).as(name).isEqualTo("UNTRUSTED_SIGNER_ERROR");
    }
  }

  /** The signing certificate in the bundle (v0.3 {@code certificate} or a v0.2 chain). */
  private X509Certificate leaf() throws Exception {
    JsonNode vm = JSON.readTree(work.resolve("bundle.json").toFile()).get("verificationMaterial");
    JsonNode raw =
        vm.has("certificate")
            ? vm.get("certificate").get("rawBytes")
            : vm.get("x509CertificateChain").get("certificates").get(0).get("rawBytes");
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(raw.asText())));
  }

  /** Hallmark's certificate as seen by Java: issued by the CA's intermediate, email SAN, SCT. */
  private void assertHallmarkCertificate() throws Exception {
    X509Certificate leaf = leaf();
    X509Certificate intermediate = hallmark.caChain().get(0);
    leaf.verify(intermediate.getPublicKey());
    assertThat(leaf.getIssuerX500Principal()).isEqualTo(intermediate.getSubjectX500Principal());
    assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(1, EMAIL));
    assertThat(leaf.getCriticalExtensionOIDs()).contains(SAN_EXT_OID);
    assertThat(leaf.getNonCriticalExtensionOIDs()).contains(SCT_LIST_OID, ISSUER_V2_OID);
    assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");
    assertThat(sctLogIds(leaf)).containsExactly(HexFormat.of().formatHex(ctlogId()));
  }

  /** Hallmark's CT log ID as the trusted root lists it: SHA-256 of the DER SPKI. */
  private static byte[] ctlogId() throws Exception {
    String b64 = hallmark.trustedRootTree().get("ctlogs").get(0).get("logId").get("keyId").asText();
    byte[] id = Base64.getDecoder().decode(b64);
    assertThat(id).isEqualTo(HallmarkInstance.sha256(hallmark.ctlogKey()));
    return id;
  }

  /**
   * The log IDs of the embedded SCTs (RFC 6962 §3.3): extnValue = OCTET STRING holding the TLS
   * {@code SignedCertificateTimestampList}; each SCT starts with version (1 byte) and log_id (32).
   */
  private static List<String> sctLogIds(X509Certificate leaf) {
    byte[] list =
        ASN1OctetString.getInstance(
                ASN1OctetString.getInstance(leaf.getExtensionValue(SCT_LIST_OID)).getOctets())
            .getOctets();
    ByteBuffer in = ByteBuffer.wrap(list);
    assertThat(in.getShort() & 0xffff).isEqualTo(list.length - 2);
    List<String> ids = new java.util.ArrayList<>();
    while (in.hasRemaining()) {
      byte[] sct = new byte[in.getShort() & 0xffff];
      in.get(sct);
      assertThat(sct[0]).as("SCT version v1").isZero();
      ids.add(HexFormat.of().formatHex(sct, 1, 33));
    }
    return ids;
  }

  private Bundle javaBundle() throws Exception {
    return Bundle.from(work.resolve("bundle.json"), StandardCharsets.UTF_8);
  }

  private static KeylessVerifier javaVerifier(String root) throws Exception {
    return KeylessVerifier.builder()
        .trustedRootProvider(TrustedRootProvider.from(trustedRoots.get(root)))
        .build();
  }

  private static VerificationOptions identity(String email) {
    return VerificationOptions.builder()
        .addCertificateMatchers(
            VerificationOptions.CertificateMatcher.fulcio()
                .subjectAlternativeName(StringMatcher.string(email))
                .issuer(StringMatcher.string(hallmark.oidcIssuerUrl()))
                .build())
        .build();
  }

  /**
   * sigstore-java 2.0.0 on the sigstore-js bundle: {@code KeylessVerifier} accepts it against
   * Hallmark's root (PKIX at notBefore, SCT, identity, signature, SET + inclusion proof) and
   * refuses it against the negative-control roots, with its own chain and SCT errors.
   */
  private void assertSigstoreJavaVerdicts() throws Exception {
    byte[] digest = HallmarkInstance.sha256(ARTIFACT.getBytes(StandardCharsets.UTF_8));
    Bundle bundle = javaBundle();
    javaVerifier("trusted").verify(digest, bundle, identity(EMAIL));
    assertThatThrownBy(
            () -> javaVerifier("trusted").verify(digest, bundle, identity("eve@example.com")))
        .hasMessageContaining("No provided certificate identities matched");
    for (String name : List.of("otherCtlog", "otherCtlogKey")) {
      assertThatThrownBy(() -> javaVerifier(name).verify(digest, bundle, identity(EMAIL)))
          .as(name)
          .hasMessageContaining("Fulcio certificate was not valid")
          .hasMessageContaining("No valid SCTs were found");
    }
    assertThatThrownBy(() -> javaVerifier("otherCa").verify(digest, bundle, identity(EMAIL)))
        .hasMessageContaining("Fulcio certificate was not valid")
        .hasMessageContaining("Certificate was not verifiable against CAs");
  }

  @Test
  void sigstoreJsSignsKeylesslyAndBothClientsAcceptTheCertificate() throws Exception {
    JsonNode report = runKeyless("sign");
    assertThat(report.get("kindVersion").get("kind").asText()).isEqualTo("hashedrekord");
    assertHallmarkCertificate();
    assertSigstoreJsVerdicts(report);
    assertSigstoreJavaVerdicts();
  }

  @Test
  void sigstoreJsAttestsKeylesslyAndBothClientsAcceptTheCertificate() throws Exception {
    JsonNode report = runKeyless("attest");
    assertThat(report.get("kindVersion").get("kind").asText()).isEqualTo("dsse");
    assertHallmarkCertificate();
    assertSigstoreJsVerdicts(report);
    assertSigstoreJavaVerdicts();
  }

  /**
   * sigstore-java's {@code FulcioVerifier} directly on the certificate sigstore-js obtained: the
   * path to Hallmark's CA validates and the embedded SCT verifies against Hallmark's CT log.
   */
  /**
   * sigstore-js {@code sign()} with Hallmark's TSA and no Rekor entry: the RFC 3161 timestamp over
   * the signature is the only proof of time, and sigstore-js's Verifier accepts it against the
   * server's trusted root (TSA chain, validity, imprint) and refuses it against the same root
   * without the TSA.
   */
  @Test
  void sigstoreJsTimestampsWithTheTsaAndItsVerifierChecksIt() throws Exception {
    ObjectNode noTsa = hallmark.trustedRootTree();
    noTsa.putArray("timestampAuthorities");
    ObjectNode r = client.request();
    r.put("mode", "sign");
    r.put("oidcIssuerURL", hallmark.oidcIssuerUrl());
    r.put("email", EMAIL);
    r.put("fulcioURL", hallmark.caUrl().toString());
    r.put("rekorURL", hallmark.rekorV1Url().toString());
    String tsaUrl = hallmark.tsaUrl();
    r.put("tsaServerURL", tsaUrl.substring(0, tsaUrl.length() - "/api/v1/timestamp".length()));
    r.put("tlogUpload", false);
    r.put("data", ARTIFACT);
    r.put("bundleOut", work.resolve("bundle.json").toString());
    ArrayNode verifications = r.putArray("verifications");
    verifications
        .addObject()
        .put("name", "trusted")
        .put("trustedRoot", hallmark.trustedRoot().toString());
    verifications
        .addObject()
        .put("name", "noTsa")
        .put(
            "trustedRoot",
            HallmarkInstance.writeJson(roots.resolve("no-tsa.json"), noTsa).toString());
    JsonNode report = client.run("sigstore-js-keyless.js", r, work);
    assertThat(report.get("ok").asBoolean()).as("sigstore-js report %s", report).isTrue();
    assertThat(report.get("rfc3161Timestamps").asInt()).isEqualTo(1);
    JsonNode v = report.get("verifications");
    assertThat(v.get("trusted").get("ok").asBoolean()).as("%s", v.get("trusted")).isTrue();
    assertThat(v.get("noTsa").get("ok").asBoolean()).as("%s", v.get("noTsa")).isFalse();
  }

  @Test
  void sigstoreJavaFulcioVerifierChecksChainAndSct() throws Exception {
    runKeyless("sign");
    CertPath leafOnly = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf()));
    FulcioVerifier.newFulcioVerifier(javaRoot("trusted")).verifySigningCertificate(leafOnly);
    assertThatThrownBy(
            () ->
                FulcioVerifier.newFulcioVerifier(javaRoot("otherCtlog"))
                    .verifySigningCertificate(leafOnly))
        .isInstanceOf(FulcioVerificationException.class)
        .hasMessageContaining("No valid SCTs were found");
    assertThatThrownBy(
            () ->
                FulcioVerifier.newFulcioVerifier(javaRoot("otherCa"))
                    .verifySigningCertificate(leafOnly))
        .isInstanceOf(FulcioVerificationException.class)
        .hasMessageContaining("Certificate was not verifiable against CAs");
  }

  private static dev.sigstore.trustroot.SigstoreTrustedRoot javaRoot(String name) throws Exception {
    try (InputStream in = Files.newInputStream(trustedRoots.get(name))) {
      return dev.sigstore.trustroot.SigstoreTrustedRoot.from(in);
    }
  }
}
