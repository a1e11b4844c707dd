package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.cli.LocalHallmark.Run;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.server.HallmarkServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hallmark sign blob}, {@code verify blob}, {@code attest blob}, {@code verify-attestation}
 * and {@code conformance sign-bundle} against a real server in this JVM (CA over TLS, built-in OIDC
 * issuer, Rekor v1 and v2, TSA): round trips keyless (v1, v2 + TSA), with a managed key and for
 * attestations; tampered bundles, wrong identities and wrong files fail with exit 1 naming the
 * check; wrong flags and unreadable files exit 2.
 */
class SignVerifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOCAL = "local@hallmark.localhost";

  @TempDir static Path dataDir;
  @TempDir static Path emptyCache;
  @TempDir Path dir;
  private static HallmarkServer server;
  private static String oidc;

  @BeforeAll
  static void start() throws Exception {
    server = LocalHallmark.start(dataDir);
    oidc = server.endpoints().get("oidcIssuerUrl");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** {@code hallmark args... --data-dir <server's> --tuf-cache <empty>}. */
  static Run hallmark(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--data-dir", dataDir.toString(), "--tuf-cache", emptyCache.toString()));
    return LocalHallmark.run(a.toArray(String[]::new));
  }

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  private static Run verifyLocal(Path file, Path bundle, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "verify",
                "blob",
                file.toString(),
                "--bundle",
                bundle.toString(),
                "--certificate-identity",
                LOCAL,
                "--certificate-oidc-issuer",
                oidc));
    a.addAll(List.of(more));
    return hallmark(a.toArray(String[]::new));
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void keylessRekorV1BundleVerifiesForTheBuiltInIdentity() throws Exception {
    Path f = file("artifact.txt", "hello, hallmark\n");
    Run sign = hallmark("sign", "blob", f.toString(), "--rekor-version", "1");
    assertThat(sign.exit()).as(sign.err()).isZero();
    Path bundle = dir.resolve("artifact.txt.sigstore.json");
    assertThat(sign.out()).startsWith("Wrote " + bundle).contains("signed by " + LOCAL);

    JsonNode b = JSON.readTree(bundle.toFile());
    assertThat(b.get("mediaType").asText())
        .isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
    assertThat(b.at("/verificationMaterial/certificate/rawBytes").isTextual()).isTrue();
    JsonNode entry = b.at("/verificationMaterial/tlogEntries/0");
    assertThat(entry.at("/kindVersion/kind").asText()).isEqualTo("hashedrekord");
    assertThat(entry.at("/kindVersion/version").asText()).isEqualTo("0.0.1");
    assertThat(entry.at("/inclusionPromise/signedEntryTimestamp").isTextual()).isTrue();
    assertThat(entry.at("/inclusionProof/checkpoint/envelope").asText()).startsWith("localhost - ");
    assertThat(b.at("/verificationMaterial/timestampVerificationData").isMissingNode()).isTrue();
    assertThat(
            HexFormat.of()
                .formatHex(
                    Base64.getDecoder()
                        .decode(b.at("/messageSignature/messageDigest/digest").asText())))
        .isEqualTo(sha256(Files.readAllBytes(f)));
    JsonNode body =
        JSON.readTree(Base64.getDecoder().decode(entry.get("canonicalizedBody").asText()));
    assertThat(body.at("/spec/data/hash/value").asText()).isEqualTo(sha256(Files.readAllBytes(f)));

    Run verify = verifyLocal(f, bundle);
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).startsWith("Verified OK: " + f).contains(LOCAL).contains(oidc);
    assertThat(verify.err()).isEmpty();
  }

  @Test
  void keylessDefaultIsRekorV2WithAnRfc3161Timestamp() throws Exception {
    Path f = file("v2.txt", "rekor v2 and a timestamp\n");
    Path bundle = dir.resolve("out.json");
    Run sign =
        hallmark("sign", "blob", f.toString(), "--bundle", bundle.toString(), "--output", "json");
    assertThat(sign.exit()).as(sign.err()).isZero();
    JsonNode report = JSON.readTree(sign.out());
    assertThat(report.get("rekorVersion").asInt()).isEqualTo(2);
    assertThat(report.get("rekorUrl").asText()).isEqualTo(server.endpoints().get("rekorV2Url"));
    assertThat(report.get("timestamps").asInt()).isEqualTo(1);

    Bundle b = Bundle.parse(Files.readAllBytes(bundle));
    assertThat(b.tlogEntries().get(0).kind()).isEqualTo("hashedrekord");
    assertThat(b.tlogEntries().get(0).version()).isEqualTo("0.0.2");
    assertThat(b.tlogEntries().get(0).integratedTime()).isZero();
    assertThat(b.rfc3161Timestamps()).hasSize(1);

    Run verify = verifyLocal(f, bundle, "--output", "json", "--offline");
    assertThat(verify.exit()).as(verify.err()).isZero();
    JsonNode v = JSON.readTree(verify.out());
    assertThat(v.get("verified").asBoolean()).isTrue();
    assertThat(v.get("identity").asText()).isEqualTo(LOCAL);
    assertThat(v.get("issuer").asText()).isEqualTo(oidc);
    assertThat(v.get("signingTimes")).hasSize(1);
    assertThat(v.get("trustedRoot").asText())
        .isEqualTo(dataDir.resolve("trusted_root.json").toString());

    // regex variants
    Run regex =
        hallmark(
            "verify",
            "blob",
            f.toString(),
            "--bundle",
            bundle.toString(),
            "--certificate-identity-regexp",
            ".*@hallmark\\.localhost",
            "--certificate-oidc-issuer-regexp",
            "http://localhost:[0-9]+");
    assertThat(regex.exit()).as(regex.err()).isZero();
  }

  @Test
  void managedKeyBundleNamesTheKeyByHintAndVerifiesWithIt() throws Exception {
    KeyPair pair = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom());
    Path key = dir.resolve("key.pem");
    Path pub = dir.resolve("key.pub");
    Files.writeString(key, PrivateKeys.writePkcs8Pem(pair));
    Files.writeString(pub, PublicKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Path f = file("managed.txt", "signed with a key I keep\n");
    for (String version : new String[] {"1", "2"}) {
      Path bundle = dir.resolve("managed-v" + version + ".json");
      Run sign =
          hallmark(
              "sign",
              "blob",
              f.toString(),
              "--key",
              key.toString(),
              "--rekor-version",
              version,
              "--bundle",
              bundle.toString());
      assertThat(sign.exit()).as(sign.err()).isZero();
      JsonNode b = JSON.readTree(bundle.toFile());
      assertThat(b.at("/verificationMaterial/publicKey/hint").asText())
          .isEqualTo(Base64.getEncoder().encodeToString(PublicKeys.sha256Spki(pair.getPublic())));
      assertThat(b.at("/verificationMaterial/certificate").isMissingNode()).isTrue();

      Run ok =
          hallmark(
              "verify",
              "blob",
              f.toString(),
              "--bundle",
              bundle.toString(),
              "--key",
              pub.toString());
      assertThat(ok.exit()).as(ok.err()).isZero();
      assertThat(ok.out()).contains("the managed key " + pub);

      Run keyless = verifyLocal(f, bundle);
      assertThat(keyless.exit()).isEqualTo(1);
      assertThat(keyless.err())
          .startsWith(
              "hallmark: verification failed: key material: the bundle is signed with a"
                  + " managed key");
    }
    // ECDSA signatures are deterministic: signing again makes the same Rekor v1 entry, which the
    // log answers with 409; the existing entry goes into the new bundle
    Path again = dir.resolve("managed-again.json");
    Run resign =
        hallmark(
            "sign",
            "blob",
            f.toString(),
            "--key",
            key.toString(),
            "--rekor-version",
            "1",
            "--bundle",
            again.toString());
    assertThat(resign.exit()).as(resign.err()).isZero();
    assertThat(Bundle.parse(Files.readAllBytes(again)).tlogEntries())
        .isEqualTo(Bundle.parse(Files.readAllBytes(dir.resolve("managed-v1.json"))).tlogEntries());

    KeyPair other = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom());
    Path otherPub = dir.resolve("other.pub");
    Files.writeString(otherPub, PublicKeys.pem("PUBLIC KEY", other.getPublic().getEncoded()));
    Run wrongKey =
        hallmark(
            "verify",
            "blob",
            f.toString(),
            "--bundle",
            dir.resolve("managed-v1.json").toString(),
            "--key",
            otherPub.toString());
    assertThat(wrongKey.exit()).isEqualTo(1);
    assertThat(wrongKey.err()).startsWith("hallmark: verification failed: signature: ");
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
        hallmark(
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
        .isEqualTo(sha256(Files.readAllBytes(f)));
    assertThat(statement.get("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
    assertThat(statement.get("predicate")).isEqualTo(JSON.readTree(predicate.toFile()));

    String[] identity = {"--certificate-identity", LOCAL, "--certificate-oidc-issuer", oidc};
    Run ok =
        hallmark(
            concat(
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
        hallmark(
            concat(
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
        hallmark(
            concat(
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
  void tamperedBundlesAndWrongIdentitiesFailWithTheCheck() throws Exception {
    Path f = file("t.txt", "tamper with me\n");
    Path bundle = dir.resolve("t.json");
    Run sign = hallmark("sign", "blob", f.toString(), "--bundle", bundle.toString());
    assertThat(sign.exit()).as(sign.err()).isZero();

    Run wrongIdentity =
        hallmark(
            "verify",
            "blob",
            f.toString(),
            "--bundle",
            bundle.toString(),
            "--certificate-identity",
            "mallory@example.com",
            "--certificate-oidc-issuer",
            oidc);
    assertThat(wrongIdentity.exit()).isEqualTo(1);
    assertThat(wrongIdentity.err())
        .startsWith(
            "hallmark: verification failed: identity: the certificate's subject alternative"
                + " names")
        .contains(LOCAL);
    Run wrongIssuer =
        hallmark(
            "verify",
            "blob",
            f.toString(),
            "--bundle",
            bundle.toString(),
            "--certificate-identity",
            LOCAL,
            "--certificate-oidc-issuer",
            "https://accounts.google.com");
    assertThat(wrongIssuer.exit()).isEqualTo(1);
    assertThat(wrongIssuer.err()).contains("identity: the certificate's OIDC issuer");

    Path changed = file("t2.txt", "tamper with me!\n");
    Run otherFile = verifyLocal(changed, bundle);
    assertThat(otherFile.exit()).isEqualTo(1);
    assertThat(otherFile.err())
        .startsWith(
            "hallmark: verification failed: message digest: the bundle's messageDigest is"
                + " not the artifact's");

    ObjectNode json = (ObjectNode) JSON.readTree(bundle.toFile());
    byte[] sig = Base64.getDecoder().decode(json.at("/messageSignature/signature").asText());
    sig[sig.length - 5] ^= 1;
    ((ObjectNode) json.get("messageSignature"))
        .put("signature", Base64.getEncoder().encodeToString(sig));
    Path badSig = dir.resolve("bad-sig.json");
    JSON.writeValue(badSig.toFile(), json);
    Run tampered = verifyLocal(f, badSig, "--output", "json");
    assertThat(tampered.exit()).isEqualTo(1);
    assertThat(tampered.err()).startsWith("hallmark: verification failed: signature: ");
    assertThat(tampered.err().strip()).doesNotContain("\n");
    assertThat(JSON.readTree(tampered.out()).get("verified").asBoolean()).isFalse();

    Path notJson = file("broken.json", "{\"mediaType\": ");
    Run broken = verifyLocal(f, notJson);
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.err()).startsWith("hallmark: verification failed: bundle is not valid JSON");
  }

  @Test
  void wrongFlagsAndUnreadableFilesExitTwo() throws Exception {
    Path f = file("u.txt", "usage\n");
    Path missing = dir.resolve("missing.txt");
    assertUsage(hallmark("sign", "blob", missing.toString()), "hallmark: no such file: ");
    assertUsage(
        hallmark("sign", "blob", f.toString(), "--rekor-version", "3"),
        "hallmark: --rekor-version must be 1 or 2, not 3");
    assertUsage(
        hallmark("sign", "blob", f.toString(), "--key", dir.resolve("none.pem").toString()),
        "hallmark: no such file: ");
    assertUsage(
        hallmark("sign", "blob", f.toString(), "--identity-token", "not-a-jwt"),
        "hallmark: the identity token is not a JWT");
    assertUsage(
        hallmark("verify", "blob", f.toString(), "--certificate-identity", LOCAL),
        "hallmark: give exactly one of --certificate-oidc-issuer and"
            + " --certificate-oidc-issuer-regexp");
    assertUsage(
        hallmark(
            "verify",
            "blob",
            f.toString(),
            "--certificate-identity-regexp",
            "([",
            "--certificate-oidc-issuer",
            oidc),
        "hallmark: --certificate-identity-regexp is not a valid regular expression");
    assertUsage(
        hallmark(
            "verify",
            "blob",
            f.toString(),
            "--certificate-identity",
            LOCAL,
            "--certificate-oidc-issuer",
            oidc),
        "hallmark: no such file: " + f + ".sigstore.json");
    assertUsage(
        hallmark(
            "attest",
            "blob",
            f.toString(),
            "--predicate-type",
            "not a uri",
            "--predicate",
            f.toString()),
        "hallmark: --predicate-type must be an absolute URI");
    assertUsage(
        hallmark(
            "attest",
            "blob",
            f.toString(),
            "--predicate-type",
            "spdx",
            "--predicate",
            f.toString()),
        "hallmark: " + f + " is not JSON");
    assertUsage(
        hallmark(
            "sign", "blob", f.toString(), "--bundle", dir.resolve("no/such/dir/b.json").toString()),
        "hallmark: cannot write " + dir.resolve("no/such/dir/b.json") + ": no writable directory");
    Path badRoot = file("bad-root.json", "{\"mediaType\": 7}");
    assertUsage(
        hallmark("sign", "blob", f.toString(), "--trusted-root", badRoot.toString()),
        "hallmark: " + badRoot + ": ");
    Run noFile = hallmark("verify", "blob");
    assertThat(noFile.exit()).isEqualTo(2);
    assertThat(noFile.err()).startsWith("hallmark: Missing required parameter: 'FILE'");
    Path noRoot = Files.createDirectories(dir.resolve("no-server"));
    Run noTrust =
        LocalHallmark.run(
            "sign",
            "blob",
            f.toString(),
            "--data-dir",
            noRoot.toString(),
            "--tuf-cache",
            emptyCache.toString());
    assertUsage(noTrust, "hallmark: no signing_config.v0.2.json: give --signing-config FILE");
  }

  private static void assertUsage(Run r, String prefix) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith(prefix);
    assertThat(r.err().strip()).doesNotContain("\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void conformanceSignBundleMakesBundlesTheConformanceVerifierAccepts() throws Exception {
    Run token = LocalHallmark.run("token", "--email", "conformance@example.com", "--url", oidc);
    assertThat(token.exit()).as(token.err()).isZero();
    String jwt = token.out().strip();
    String root = dataDir.resolve("trusted_root.json").toString();
    String config = dataDir.resolve("signing_config.v0.2.json").toString();
    Path f = file("c.txt", "conformance\n");
    Path bundle = dir.resolve("c.sigstore.json");
    Run sign =
        hallmark(
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
    for (String artifact : new String[] {f.toString(), "sha256:" + sha256(Files.readAllBytes(f))}) {
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

    String subjectDigest = sha256("the subject".getBytes(StandardCharsets.UTF_8));
    Path statement =
        file(
            "statement.json",
            "{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [{\"name\": \"s\","
                + " \"digest\": {\"sha256\": \""
                + subjectDigest
                + "\"}}], \"predicateType\": \"https://example.com/p\", \"predicate\": {}}");
    Path dsse = dir.resolve("dsse.sigstore.json");
    Run signDsse =
        hallmark(
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
        hallmark(
            "conformance",
            "sign-bundle",
            "--staging",
            "--identity-token",
            jwt,
            "--bundle",
            bundle.toString(),
            f.toString());
    assertUsage(staging, "hallmark: --staging needs --signing-config and --trusted-root");
  }

  @Test
  void aCaWithAnUntrustedTlsCertificateIsRefusedUnlessItIsGiven() throws Exception {
    Run token = LocalHallmark.run("token", "--email", "tls@example.com", "--url", oidc);
    assertThat(token.exit()).as(token.err()).isZero();
    Path f = file("tls.txt", "over TLS\n");
    Path elsewhere = Files.createDirectories(dir.resolve("not-the-server-dir"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "sign",
                "blob",
                f.toString(),
                "--identity-token",
                token.out().strip(),
                "--signing-config",
                dataDir.resolve("signing_config.v0.2.json").toString(),
                "--trusted-root",
                dataDir.resolve("trusted_root.json").toString(),
                "--data-dir",
                elsewhere.toString(),
                "--tuf-cache",
                emptyCache.toString()));
    Run untrusted = LocalHallmark.run(args.toArray(String[]::new));
    assertThat(untrusted.exit()).isEqualTo(1);
    assertThat(untrusted.err())
        .startsWith("hallmark: signing failed: cannot reach the certificate authority at https://")
        .contains("see --ca-tls-cert");
    args.addAll(List.of("--ca-tls-cert", dataDir.resolve("tls/ca-tls.crt").toString()));
    Run trusted = LocalHallmark.run(args.toArray(String[]::new));
    assertThat(trusted.exit()).as(trusted.err()).isZero();
    assertThat(trusted.out()).contains("signed by tls@example.com");
  }

  @Test
  void verifyUsesTheTufCacheUpdatedFromItsMirrorUnlessOffline() throws Exception {
    Path cache = dir.resolve("tuf");
    Run init =
        LocalHallmark.run(
            "trust",
            "init",
            "--mirror",
            server.endpoints().get("tufUrl"),
            "--root",
            dataDir.resolve("tuf-root.json").toString(),
            "--cache-dir",
            cache.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    Path f = file("tuf.txt", "trust from TUF\n");
    assertThat(hallmark("sign", "blob", f.toString()).exit()).isZero();
    String[] verify = {
      "verify",
      "blob",
      f.toString(),
      "--certificate-identity",
      LOCAL,
      "--certificate-oidc-issuer",
      oidc,
      "--data-dir",
      dataDir.toString(),
      "--output",
      "json",
      "--tuf-cache",
      cache.toString()
    };
    Run online = LocalHallmark.run(verify);
    assertThat(online.exit()).as(online.err()).isZero();
    assertThat(JSON.readTree(online.out()).get("trustedRoot").asText())
        .isEqualTo(cache.resolve("targets").resolve("trusted_root.json").toString());

    Files.writeString(cache.resolve("mirror"), "http://127.0.0.1:9/\n");
    Run unreachable = LocalHallmark.run(verify);
    assertThat(unreachable.exit()).isEqualTo(2);
    assertThat(unreachable.err())
        .startsWith("hallmark: cannot update the TUF trust root cached in " + cache)
        .contains("'verify --offline' uses the cached copy");
    Run offline = LocalHallmark.run(concat(verify, new String[] {"--offline"}));
    assertThat(offline.exit()).as(offline.err()).isZero();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
