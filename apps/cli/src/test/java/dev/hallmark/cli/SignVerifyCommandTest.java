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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hallmark sign blob} and {@code verify blob} against a real server in this JVM (CA over
 * TLS, built-in OIDC issuer, Rekor v1 and v2, TSA): keyless round trips (v1, v2 + TSA), a managed
 * key, and tampered bundles, wrong identities and wrong files failing with exit 1 naming the check.
 */
@ExtendWith(SharedHallmark.Extension.class)
class SignVerifyCommandTest {
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

  @Test
  void keylessRekorV1BundleVerifiesForTheBuiltInIdentity() throws Exception {
    Path f = file("artifact.txt", "hello, hallmark\n");
    Run sign = h.hallmark("sign", "blob", f.toString(), "--rekor-version", "1");
    assertThat(sign.exit()).as(sign.err()).isZero();
    Path bundle = dir.resolve("artifact.txt.sigstore.json");
    assertThat(sign.out())
        .startsWith("Wrote " + bundle)
        .contains("signed by " + SharedHallmark.LOCAL);

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
        .isEqualTo(CliAssertions.sha256(Files.readAllBytes(f)));
    JsonNode body =
        JSON.readTree(Base64.getDecoder().decode(entry.get("canonicalizedBody").asText()));
    assertThat(body.at("/spec/data/hash/value").asText())
        .isEqualTo(CliAssertions.sha256(Files.readAllBytes(f)));

    Run verify = h.verifyLocal(f, bundle);
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out())
        .startsWith("Verified OK: " + f)
        .contains(SharedHallmark.LOCAL)
        .contains(oidc);
    assertThat(verify.err()).isEmpty();
  }

  @Test
  void keylessDefaultIsRekorV2WithAnRfc3161Timestamp() throws Exception {
    Path f = file("v2.txt", "rekor v2 and a timestamp\n");
    Path bundle = dir.resolve("out.json");
    Run sign =
        h.hallmark("sign", "blob", f.toString(), "--bundle", bundle.toString(), "--output", "json");
    assertThat(sign.exit()).as(sign.err()).isZero();
    JsonNode report = JSON.readTree(sign.out());
    assertThat(report.get("rekorVersion").asInt()).isEqualTo(2);
    assertThat(report.get("rekorUrl").asText()).isEqualTo(h.url("rekorV2Url"));
    assertThat(report.get("timestamps").asInt()).isEqualTo(1);

    Bundle b = Bundle.parse(Files.readAllBytes(bundle));
    assertThat(b.tlogEntries().get(0).kind()).isEqualTo("hashedrekord");
    assertThat(b.tlogEntries().get(0).version()).isEqualTo("0.0.2");
    assertThat(b.tlogEntries().get(0).integratedTime()).isZero();
    assertThat(b.rfc3161Timestamps()).hasSize(1);

    Run verify = h.verifyLocal(f, bundle, "--output", "json", "--offline");
    assertThat(verify.exit()).as(verify.err()).isZero();
    JsonNode v = JSON.readTree(verify.out());
    assertThat(v.get("verified").asBoolean()).isTrue();
    assertThat(v.get("identity").asText()).isEqualTo(SharedHallmark.LOCAL);
    assertThat(v.get("issuer").asText()).isEqualTo(oidc);
    assertThat(v.get("signingTimes")).hasSize(1);
    assertThat(v.get("trustedRoot").asText())
        .isEqualTo(h.dataDir().resolve("trusted_root.json").toString());

    // regex variants
    String digest = "sha256:" + CliAssertions.sha256(Files.readAllBytes(f));
    Run byDigest =
        h.hallmark(
            "verify",
            "blob",
            digest,
            "--bundle",
            bundle.toString(),
            "--certificate-identity",
            SharedHallmark.LOCAL,
            "--certificate-oidc-issuer",
            oidc);
    assertThat(byDigest.exit()).as(byDigest.err()).isZero();
    assertThat(byDigest.out()).startsWith("Verified OK: " + digest);

    Run regex =
        h.hallmark(
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
          h.hallmark(
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
          h.hallmark(
              "verify",
              "blob",
              f.toString(),
              "--bundle",
              bundle.toString(),
              "--key",
              pub.toString());
      assertThat(ok.exit()).as(ok.err()).isZero();
      assertThat(ok.out()).contains("the managed key " + pub);

      Run keyless = h.verifyLocal(f, bundle);
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
        h.hallmark(
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
        h.hallmark(
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

  @Test
  void tamperedBundlesAndWrongIdentitiesFailWithTheCheck() throws Exception {
    Path f = file("t.txt", "tamper with me\n");
    Path bundle = dir.resolve("t.json");
    Run sign = h.hallmark("sign", "blob", f.toString(), "--bundle", bundle.toString());
    assertThat(sign.exit()).as(sign.err()).isZero();

    Run wrongIdentity =
        h.hallmark(
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
        .contains(SharedHallmark.LOCAL);
    Run wrongIssuer =
        h.hallmark(
            "verify",
            "blob",
            f.toString(),
            "--bundle",
            bundle.toString(),
            "--certificate-identity",
            SharedHallmark.LOCAL,
            "--certificate-oidc-issuer",
            "https://accounts.google.com");
    assertThat(wrongIssuer.exit()).isEqualTo(1);
    assertThat(wrongIssuer.err()).contains("identity: the certificate's OIDC issuer");

    Path changed = file("t2.txt", "tamper with me!\n");
    Run otherFile = h.verifyLocal(changed, bundle);
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
    Run tampered = h.verifyLocal(f, badSig, "--output", "json");
    assertThat(tampered.exit()).isEqualTo(1);
    assertThat(tampered.err()).startsWith("hallmark: verification failed: signature: ");
    assertThat(tampered.err().strip()).doesNotContain("\n");
    assertThat(JSON.readTree(tampered.out()).get("verified").asBoolean()).isFalse();

    Path notJson = file("broken.json", "{\"mediaType\": ");
    Run broken = h.verifyLocal(f, notJson);
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.err()).startsWith("hallmark: verification failed: bundle is not valid JSON");
  }
}
