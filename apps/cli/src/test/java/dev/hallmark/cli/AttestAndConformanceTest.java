package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.cli.LocalHallmark.Run;
import dev.hallmark.core.bundle.Bundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hallmark attest blob} and {@code verify-attestation} (subject, predicate type), and {@code
 * conformance sign-bundle} whose bundles {@code conformance verify-bundle} accepts, against the
 * shared server.
 */
@ExtendWith(SharedHallmark.Extension.class)
class AttestAndConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SharedHallmark h;
  private static String oidc;

  @TempDir Path dir;

  @BeforeAll
  static void start(SharedHallmark shared) {
    h = shared;
    oidc = h.url("oidcIssuerUrl");
  }

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @ParameterizedTest(name = "Rekor v{0}")
  @ValueSource(strings = {"1", "2"})
  void attestationRoundTripChecksTheSubjectAndPredicateType(String version) throws Exception {
    Path f = file("release-" + version + ".tar", "the release tarball " + version + "\n");
    Path predicate =
        file(
            "provenance.json",
            "{\"buildDefinition\": {\"buildType\": \"https://example.com/build/v1\"},"
                + " \"runDetails\": {\"builder\": {\"id\": \"https://example.com/builder\"}}}");
    Run attest =
        h.hallmark(
            "attest",
            "blob",
            f.toString(),
            "--predicate-type",
            "slsaprovenance",
            "--predicate",
            predicate.toString(),
            "--rekor-version",
            version);
    assertThat(attest.exit()).as(attest.err()).isZero();
    Path bundle = Path.of(f + ".intoto.sigstore.json");
    Bundle b = Bundle.parse(Files.readAllBytes(bundle));
    assertThat(b.tlogEntries().get(0).kind()).isEqualTo("dsse");
    assertThat(b.tlogEntries().get(0).version()).isEqualTo(version.equals("1") ? "0.0.1" : "0.0.2");
    JsonNode statement = JSON.readTree(b.dsseEnvelope().payload().toArray());
    assertThat(statement.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
    assertThat(statement.at("/subject/0/name").asText()).isEqualTo(f.getFileName().toString());
    assertThat(statement.at("/subject/0/digest/sha256").asText())
        .isEqualTo(CliAssertions.sha256(Files.readAllBytes(f)));
    assertThat(statement.get("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
    assertThat(statement.get("predicate")).isEqualTo(JSON.readTree(predicate.toFile()));

    String[] identity = {
      "--certificate-identity", SharedHallmark.LOCAL, "--certificate-oidc-issuer", oidc
    };
    Run ok =
        h.hallmark(
            CliAssertions.concat(
                new String[] {
                  "verify-attestation",
                  f.toString(),
                  "--predicate-type",
                  "https://slsa.dev/provenance/v1",
                  "--output",
                  "json"
                },
                identity));
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(JSON.readTree(ok.out()).get("predicateType").asText())
        .isEqualTo("https://slsa.dev/provenance/v1");

    Path otherFile = file("other-" + version + ".tar", "not the release\n");
    Run wrongSubject =
        h.hallmark(
            CliAssertions.concat(
                new String[] {
                  "verify-attestation", otherFile.toString(), "--bundle", bundle.toString()
                },
                identity));
    assertThat(wrongSubject.exit()).isEqualTo(1);
    assertThat(wrongSubject.err())
        .isEqualTo(
            "hallmark: verification failed: in-toto: no subject of the statement has the"
                + " artifact's digest"
                + System.lineSeparator());

    Run wrongType =
        h.hallmark(
            CliAssertions.concat(
                new String[] {
                  "verify-attestation",
                  f.toString(),
                  "--predicate-type",
                  "https://spdx.dev/Document"
                },
                identity));
    assertThat(wrongType.exit()).isEqualTo(1);
    assertThat(wrongType.err())
        .contains("predicate type: the statement's is https://slsa.dev/provenance/v1");
  }

  @Test
  void conformanceSignBundleMakesBundlesTheConformanceVerifierAccepts() throws Exception {
    Run token = LocalHallmark.run("token", "--email", "conformance@example.com", "--url", oidc);
    assertThat(token.exit()).as(token.err()).isZero();
    String jwt = token.out().strip();
    String root = h.dataDir().resolve("trusted_root.json").toString();
    String config = h.dataDir().resolve("signing_config.v0.2.json").toString();
    Path f = file("c.txt", "conformance\n");
    Path bundle = dir.resolve("c.sigstore.json");
    Run sign =
        h.hallmark(
            "conformance",
            "sign-bundle",
            "--identity-token",
            jwt,
            "--bundle",
            bundle.toString(),
            "--trusted-root",
            root,
            "--signing-config",
            config,
            f.toString());
    assertThat(sign.exit()).as(sign.err()).isZero();
    for (String artifact :
        new String[] {f.toString(), "sha256:" + CliAssertions.sha256(Files.readAllBytes(f))}) {
      Run verify =
          LocalHallmark.run(
              "conformance",
              "verify-bundle",
              "--bundle",
              bundle.toString(),
              "--certificate-identity",
              "conformance@example.com",
              "--certificate-oidc-issuer",
              oidc,
              "--trusted-root",
              root,
              artifact);
      assertThat(verify.exit()).as(verify.err()).isZero();
    }

    String subjectDigest = CliAssertions.sha256("the subject".getBytes(StandardCharsets.UTF_8));
    Path statement =
        file(
            "statement.json",
            "{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [{\"name\": \"s\","
                + " \"digest\": {\"sha256\": \""
                + subjectDigest
                + "\"}}], \"predicateType\": \"https://example.com/p\", \"predicate\": {}}");
    Path dsse = dir.resolve("dsse.sigstore.json");
    Run signDsse =
        h.hallmark(
            "conformance",
            "sign-bundle",
            "--in-toto",
            "--identity-token",
            jwt,
            "--bundle",
            dsse.toString(),
            "--trusted-root",
            root,
            "--signing-config",
            config,
            statement.toString());
    assertThat(signDsse.exit()).as(signDsse.err()).isZero();
    Bundle b = Bundle.parse(Files.readAllBytes(dsse));
    assertThat(b.dsseEnvelope().payload().toArray()).isEqualTo(Files.readAllBytes(statement));
    Run verifyDsse =
        LocalHallmark.run(
            "conformance",
            "verify-bundle",
            "--bundle",
            dsse.toString(),
            "--certificate-identity",
            "conformance@example.com",
            "--certificate-oidc-issuer",
            oidc,
            "--trusted-root",
            root,
            "sha256:" + subjectDigest);
    assertThat(verifyDsse.exit()).as(verifyDsse.err()).isZero();

    Run staging =
        h.hallmark(
            "conformance",
            "sign-bundle",
            "--staging",
            "--identity-token",
            jwt,
            "--bundle",
            bundle.toString(),
            f.toString());
    CliAssertions.assertUsage(
        staging, "hallmark: --staging needs --signing-config and --trusted-root");
  }
}
