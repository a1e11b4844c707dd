package dev.hallmark.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.TrustedRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identity policy, thresholds and artifact checks on real public-good bundles (values from the
 * certificate of {@code happy-path-v0.3} and the conformance defaults).
 */
class PolicyTest {
  private static final String SAN =
      "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/"
          + "workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
  private static final String ISSUER = "https://token.actions.githubusercontent.com";
  private static final String SOURCE_REPO = "1.3.6.1.4.1.57264.1.12";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static BundleVerifier verifier;
  private static byte[] artifact;

  @BeforeAll
  static void publicGood() throws Exception {
    verifier =
        new BundleVerifier(
            TrustedRoot.parse(
                Files.readAllBytes(ConformanceCase.DIR.resolve("public-good-trusted_root.json"))));
    artifact = Files.readAllBytes(ConformanceCase.DIR.resolve("bundle-verify/a.txt"));
  }

  private static Bundle bundle(String name) throws Exception {
    return Bundle.parse(Files.readAllBytes(path(name)));
  }

  private static Path path(String name) {
    return ConformanceCase.DIR.resolve("bundle-verify/" + name + "/bundle.sigstore.json");
  }

  private static CertificateIdentity identity(StringMatcher san, StringMatcher issuer) {
    return new CertificateIdentity(san, issuer, Map.of());
  }

  @Test
  void verifiesAndReportsTheSigningTime() throws Exception {
    VerifiedBundle v =
        verifier.verify(
            bundle("happy-path-v0.1"),
            Artifact.of(artifact),
            VerificationPolicy.of(CertificateIdentity.exact(SAN, ISSUER)));
    assertThat(v.signingTimes()).containsExactly(Instant.ofEpochSecond(1689177396L));
    assertThat(v.verifiedEntries()).isEqualTo(1);
    assertThat(v.signingCertificate().getIssuerX500Principal().getName())
        .isEqualTo("CN=sigstore-intermediate,O=sigstore.dev");
  }

  @Test
  void matchesSanAndIssuerByRegexInFull() throws Exception {
    verifier.verify(
        bundle("happy-path-v0.3"),
        Artifact.of(artifact),
        VerificationPolicy.of(
            identity(
                StringMatcher.regex("https://github\\.com/sigstore-conformance/.*@refs/heads/main"),
                StringMatcher.regex("https://token\\.actions\\.githubusercontent\\.com"))));
    assertThatThrownBy(
            () ->
                verifier.verify(
                    bundle("happy-path-v0.3"),
                    Artifact.of(artifact),
                    VerificationPolicy.of(
                        identity(
                            StringMatcher.regex("https://github\\.com/sigstore-conformance/"),
                            StringMatcher.exact(ISSUER)))))
        .isInstanceOf(VerificationException.class)
        .hasMessageStartingWith("identity: the certificate's subject alternative names [" + SAN);
  }

  @Test
  void refusesAnotherIssuer() throws Exception {
    assertThatThrownBy(
            () ->
                verifier.verify(
                    bundle("happy-path-v0.3"),
                    Artifact.of(artifact),
                    VerificationPolicy.of(
                        CertificateIdentity.exact(SAN, "https://accounts.google.com"))))
        .isInstanceOf(VerificationException.class)
        .hasMessage(
            "identity: the certificate's OIDC issuer \""
                + ISSUER
                + "\" does not match \"https://accounts.google.com\"");
  }

  @Test
  void checksCiProvenanceExtensions() throws Exception {
    String repo = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon";
    verifier.verify(
        bundle("happy-path-v0.3"),
        Artifact.of(artifact),
        VerificationPolicy.of(
            new CertificateIdentity(
                StringMatcher.exact(SAN), StringMatcher.exact(ISSUER), Map.of(SOURCE_REPO, repo))));
    assertThatThrownBy(
            () ->
                verifier.verify(
                    bundle("happy-path-v0.3"),
                    Artifact.of(artifact),
                    VerificationPolicy.of(
                        new CertificateIdentity(
                            StringMatcher.exact(SAN),
                            StringMatcher.exact(ISSUER),
                            Map.of(SOURCE_REPO, repo + "-fork")))))
        .isInstanceOf(VerificationException.class)
        .hasMessage(
            "identity: certificate extension "
                + SOURCE_REPO
                + " is \""
                + repo
                + "\", expected \""
                + repo
                + "-fork\"");
  }

  @Test
  void requiresTheThresholds() throws Exception {
    VerificationPolicy p = VerificationPolicy.of(CertificateIdentity.exact(SAN, ISSUER));
    assertThatThrownBy(
            () ->
                verifier.verify(
                    bundle("happy-path-v0.1"), Artifact.of(artifact), p.withThresholds(2, 1, 1)))
        .isInstanceOf(VerificationException.class)
        .hasMessage("transparency log: the bundle has 1 log entries, 2 required");
    assertThatThrownBy(
            () ->
                verifier.verify(
                    bundle("happy-path-v0.1"), Artifact.of(artifact), p.withThresholds(1, 1, 2)))
        .isInstanceOf(VerificationException.class)
        .hasMessageStartingWith("timestamps: 1 verified signing time(s), 2 required");
    assertThatThrownBy(
            () ->
                verifier.verify(
                    bundle("happy-path-v0.1"), Artifact.of(artifact), p.withThresholds(1, 2, 1)))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("SCT: SCTs from 1 distinct trusted CT log(s) verified, 2 required");
  }

  @Test
  void refusesAnInTotoStatementWhoseSubjectIsNotTheArtifact() throws Exception {
    byte[] other = "not a.txt\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                verifier.verify(
                    bundle("happy-path-intoto-in-dsse-v3"),
                    Artifact.of(other),
                    VerificationPolicy.of(CertificateIdentity.exact(SAN, ISSUER))))
        .isInstanceOf(VerificationException.class)
        .hasMessage("in-toto: no subject of the statement has the artifact's digest");
  }

  @Test
  void refusesATamperedEntryBody() throws Exception {
    ObjectNode json = (ObjectNode) JSON.readTree(Files.readAllBytes(path("happy-path-v0.3")));
    ObjectNode entry = (ObjectNode) json.at("/verificationMaterial/tlogEntries/0");
    String body =
        new String(
            java.util.Base64.getDecoder().decode(entry.get("canonicalizedBody").asText()),
            StandardCharsets.UTF_8);
    entry.put(
        "canonicalizedBody",
        java.util.Base64.getEncoder()
            .encodeToString(
                body.replace("\"sha256\"", "\"sha512\"").getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(
            () ->
                verifier.verify(
                    Bundle.parse(JSON.writeValueAsBytes(json)),
                    Artifact.of(artifact),
                    VerificationPolicy.of(CertificateIdentity.exact(SAN, ISSUER))))
        .isInstanceOf(VerificationException.class)
        .hasMessageStartingWith("transparency log: entry 0 (log index 79571823) signed entry");
  }

  @Test
  void refusesAnEntryFromAnUnknownLog() throws Exception {
    ObjectNode json = (ObjectNode) JSON.readTree(Files.readAllBytes(path("happy-path-v0.3")));
    ((ObjectNode) json.at("/verificationMaterial/tlogEntries/0/logId"))
        .put("keyId", "yxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A=");
    ArrayNode entries = (ArrayNode) json.at("/verificationMaterial/tlogEntries");
    assertThat(entries).hasSize(1);
    assertThatThrownBy(
            () ->
                verifier.verify(
                    Bundle.parse(JSON.writeValueAsBytes(json)),
                    Artifact.of(artifact),
                    VerificationPolicy.of(CertificateIdentity.exact(SAN, ISSUER))))
        .isInstanceOf(VerificationException.class)
        .hasMessageEndingWith("which is not in the trusted root");
  }

  @Test
  void refusesAV01EntryWithOnlyItsSignedEntryTimestamp() throws Exception {
    ObjectNode json = (ObjectNode) JSON.readTree(Files.readAllBytes(path("happy-path-v0.1")));
    ((ObjectNode) json.at("/verificationMaterial/tlogEntries/0")).remove("inclusionProof");
    assertThatThrownBy(
            () ->
                verifier.verify(
                    Bundle.parse(JSON.writeValueAsBytes(json)),
                    Artifact.of(artifact),
                    VerificationPolicy.of(CertificateIdentity.exact(SAN, ISSUER))))
        .isInstanceOf(VerificationException.class)
        .hasMessageStartingWith(
            "transparency log: entry 0 (log index 27246492) has no inclusion proof");
  }
}
