package dev.hallmark.tlog.rekorv1;

import static dev.hallmark.tlog.rekorv1.Requests.B64;
import static dev.hallmark.tlog.rekorv1.Requests.MAPPER;
import static dev.hallmark.tlog.rekorv1.Requests.bytes;
import static dev.hallmark.tlog.rekorv1.Requests.certPem;
import static dev.hallmark.tlog.rekorv1.Requests.certificate;
import static dev.hallmark.tlog.rekorv1.Requests.hashedRekord;
import static dev.hallmark.tlog.rekorv1.Requests.key;
import static dev.hallmark.tlog.rekorv1.Requests.keyPem;
import static dev.hallmark.tlog.rekorv1.Requests.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashedRekordTest {
  private final RekorV1Entries entries = new RekorV1Entries(MAPPER);
  private static final byte[] ARTIFACT = "artifact".getBytes(StandardCharsets.UTF_8);

  @Test
  void canonicalBodyIsTheJcsOfTheTrustedFieldsWithGoStylePem() throws Exception {
    ObjectNode request = hashedRekord();
    request.put("extra", "dropped");
    ((ObjectNode) request.path("spec")).put("unknown", true);
    V1Entry entry = entries.parse(bytes(request));

    String digest = HexFormat.of().formatHex(HashAlgorithm.SHA2_256.digest(ARTIFACT));
    String sig = request.path("spec").path("signature").path("content").asText();
    assertThat(new String(entry.canonicalBody(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"apiVersion\":\"0.0.1\",\"kind\":\"hashedrekord\",\"spec\":{\"data\":{\"hash\":"
                + "{\"algorithm\":\"sha256\",\"value\":\""
                + digest
                + "\"}},\"signature\":{\"content\":\""
                + sig
                + "\",\"publicKey\":{\"content\":\""
                + Requests.b64(certPem())
                + "\"}}}}");
    assertThat(entry.kind()).isEqualTo("hashedrekord");
    assertThat(entry.apiVersion()).isEqualTo("0.0.1");
    assertThat(entry.searchKeys())
        .containsExactly(
            "sha256:" + digest,
            SearchKeys.publicKey(certificate().getPublicKey()),
            SearchKeys.certificate(certificate()),
            "email:alice@example.com",
            "uri:" + Requests.URI);
  }

  @Test
  void pemIsReencodedGoStyle() throws Exception {
    String crlfUnwrapped =
        "junk before\r\n-----BEGIN PUBLIC KEY-----\r\n"
            + B64.encodeToString(key(KeyDetails.PKIX_ECDSA_P256_SHA_256).getPublic().getEncoded())
            + "\r\n-----END PUBLIC KEY-----";
    byte[] digest = HashAlgorithm.SHA2_256.digest(ARTIFACT);
    byte[] sig = signer(KeyDetails.PKIX_ECDSA_P256_SHA_256).signDigest(digest);
    V1Entry odd = entries.parse(bytes(hashedRekord("sha256", digest, sig, crlfUnwrapped)));
    V1Entry canonical =
        entries.parse(
            bytes(hashedRekord("sha256", digest, sig, keyPem(KeyDetails.PKIX_ECDSA_P256_SHA_256))));
    assertThat(odd).isEqualTo(canonical);
    assertThat(odd.searchKeys())
        .containsExactly(
            "sha256:" + HexFormat.of().formatHex(digest),
            SearchKeys.publicKey(key(KeyDetails.PKIX_ECDSA_P256_SHA_256).getPublic()));
  }

  @Test
  void uppercaseHexIsStoredLowercase() throws Exception {
    ObjectNode request = hashedRekord();
    ObjectNode hash = (ObjectNode) request.path("spec").path("data").path("hash");
    String value = hash.path("value").asText();
    hash.put("value", value.toUpperCase(java.util.Locale.ROOT));
    assertThat(entries.parse(bytes(request))).isEqualTo(entries.parse(bytes(hashedRekord())));
  }

  /** ECDSA over any digest: the JDK's NONEwithECDSA signs the digest as ECDSA specifies. */
  @ParameterizedTest
  @CsvSource({
    "PKIX_ECDSA_P256_SHA_256, sha256, SHA2_256",
    "PKIX_ECDSA_P256_SHA_256, sha384, SHA2_384",
    "PKIX_ECDSA_P256_SHA_256, sha512, SHA2_512",
    "PKIX_ECDSA_P384_SHA_384, sha256, SHA2_256",
    "PKIX_ECDSA_P384_SHA_384, sha512, SHA2_512",
    "PKIX_ECDSA_P521_SHA_512, sha256, SHA2_256",
    "PKIX_ECDSA_P521_SHA_512, sha384, SHA2_384"
  })
  void ecdsaKeysSignAnyOfTheThreeDigests(KeyDetails details, String name, HashAlgorithm hash)
      throws Exception {
    byte[] digest = hash.digest(ARTIFACT);
    Signature jdk = Signature.getInstance("NONEwithECDSA");
    jdk.initSign(key(details).getPrivate());
    jdk.update(digest);
    byte[] sig = jdk.sign();
    V1Entry entry = entries.parse(bytes(hashedRekord(name, digest, sig, keyPem(details))));
    assertThat(entry.searchKeys()).contains(name + ":" + HexFormat.of().formatHex(digest));

    digest[0] ^= 1;
    assertThatThrownBy(() -> entries.parse(bytes(hashedRekord(name, digest, sig, keyPem(details)))))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("spec.signature.content does not verify");
  }

  @Test
  void rsaSignsSha256DigestsOnly() throws Exception {
    KeyDetails rsa = KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256;
    byte[] digest = HashAlgorithm.SHA2_256.digest(ARTIFACT);
    entries.parse(
        bytes(hashedRekord("sha256", digest, signer(rsa).signDigest(digest), keyPem(rsa))));

    byte[] sha512 = HashAlgorithm.SHA2_512.digest(ARTIFACT);
    assertThatThrownBy(
            () -> entries.parse(bytes(hashedRekord("sha512", sha512, new byte[256], keyPem(rsa)))))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("sha256 digests only");
  }

  @Test
  void ed25519CannotBeVerifiedOverADigest() {
    KeyDetails ed = KeyDetails.PKIX_ED25519;
    byte[] digest = HashAlgorithm.SHA2_512.digest(ARTIFACT);
    assertThatThrownBy(
            () ->
                entries.parse(
                    bytes(hashedRekord("sha512", digest, signer(ed).sign(digest), keyPem(ed)))))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("Ed25519")
        .hasMessageContaining("digest");
  }

  @Test
  void signatureByAnotherKeyIsRejected() {
    byte[] digest = HashAlgorithm.SHA2_256.digest(ARTIFACT);
    byte[] sig =
        signer(KeyDetails.PKIX_ECDSA_P384_SHA_384)
            .signDigest(HashAlgorithm.SHA2_384.digest(ARTIFACT));
    assertThatThrownBy(() -> entries.parse(bytes(hashedRekord("sha256", digest, sig, certPem()))))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("does not verify over spec.data.hash");
  }
}
