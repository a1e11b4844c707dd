package dev.hallmark.tlog.rekorv1;

import static dev.hallmark.tlog.rekorv1.Requests.certPem;
import static dev.hallmark.tlog.rekorv1.Requests.certificate;
import static dev.hallmark.tlog.rekorv1.Requests.key;
import static dev.hallmark.tlog.rekorv1.Requests.keyPem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchKeysTest {
  private static final PublicKey P256 = key(KeyDetails.PKIX_ECDSA_P256_SHA_256).getPublic();

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void keyFormats() throws Exception {
    assertThat(SearchKeys.artifactHash("sha256", "ABCdef")).isEqualTo("sha256:abcdef");
    assertThat(SearchKeys.email("Alice@Example.COM")).isEqualTo("email:alice@example.com");
    assertThat(SearchKeys.uri("https://Example.com/A")).isEqualTo("uri:https://Example.com/A");
    assertThat(SearchKeys.publicKey(P256))
        .isEqualTo(
            "key:" + HexFormat.of().formatHex(HashAlgorithm.SHA2_256.digest(P256.getEncoded())));
    assertThat(SearchKeys.certificate(certificate()))
        .isEqualTo(
            "cert:"
                + HexFormat.of()
                    .formatHex(HashAlgorithm.SHA2_256.digest(certificate().getEncoded())));
  }

  @Test
  void searchingByKeyOrCertificateFindsWhatTheEntryWasIndexedUnder() throws Exception {
    V1Entry entry = new RekorV1Entries(Requests.MAPPER).parse(Requests.hashedRekord());
    assertThat(SearchKeys.forSearchPublicKey("x509", ascii(certPem())))
        .containsExactly(SearchKeys.certificate(certificate()))
        .isSubsetOf(entry.searchKeys());
    assertThat(SearchKeys.forSearchPublicKey("x509", certificate().getEncoded()))
        .containsExactly(SearchKeys.certificate(certificate()));
    assertThat(
            SearchKeys.forSearchPublicKey(
                "x509", ascii(keyPem(KeyDetails.PKIX_ECDSA_P256_SHA_256))))
        .containsExactly(SearchKeys.publicKey(P256))
        .isSubsetOf(entry.searchKeys());
    assertThat(SearchKeys.forSearchPublicKey("x509", P256.getEncoded()))
        .containsExactly(SearchKeys.publicKey(P256));
    assertThat(
            SearchKeys.forSearchPublicKey(
                "x509", ascii(keyPem(KeyDetails.PKIX_ED25519) + certPem())))
        .containsExactly(
            SearchKeys.certificate(certificate()),
            SearchKeys.publicKey(key(KeyDetails.PKIX_ED25519).getPublic()));
  }

  @ParameterizedTest
  @CsvSource({"pgp", "ssh", "minisign", "tuf", "X509"})
  void onlyX509IsSupported(String format) {
    assertThatThrownBy(() -> SearchKeys.forSearchPublicKey(format, P256.getEncoded()))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("\"" + format + "\"")
        .hasMessageContaining("supported format: x509");
  }

  @Test
  void badPublicKeyContent() {
    assertThatThrownBy(() -> SearchKeys.forSearchPublicKey(null, new byte[1]))
        .hasMessageContaining("publicKey.format is required");
    assertThatThrownBy(() -> SearchKeys.forSearchPublicKey("x509", new byte[0]))
        .hasMessageContaining("publicKey.content is required");
    assertThatThrownBy(() -> SearchKeys.forSearchPublicKey("x509", new byte[] {1, 2, 3}))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("neither a PEM nor a DER public key or X.509 certificate");
    assertThatThrownBy(
            () ->
                SearchKeys.forSearchPublicKey(
                    "x509", ascii("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n")))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("no PEM CERTIFICATE or PUBLIC KEY block");
    assertThatThrownBy(
            () ->
                SearchKeys.forSearchPublicKey("x509", ascii("-----BEGIN PUBLIC KEY-----\nAA!A\n")))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("publicKey.content: ");
  }

  @Test
  void searchHashes() throws Exception {
    String hex = "A0CFC71271D6E278E57CD332FF957C3F7043FDDA354C4CBB190A30D56EFA01BF";
    String want = "sha256:" + hex.toLowerCase(Locale.ROOT);
    assertThat(SearchKeys.forSearchHash(hex)).isEqualTo(want);
    assertThat(SearchKeys.forSearchHash("sha256:" + hex)).isEqualTo(want);
    assertThat(SearchKeys.forSearchHash("sha512:" + "ab".repeat(64)))
        .isEqualTo("sha512:" + "ab".repeat(64));
    assertThat(SearchKeys.forSearchHash("sha384:" + "ab".repeat(48)))
        .isEqualTo("sha384:" + "ab".repeat(48));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''| hash is required",
        "abc| hash must be 64 hex digits, got 3",
        "sha256:abc| hash must be 64 hex digits",
        "sha512:00000000000000000000000000000000| hash must be 128 hex digits",
        "md5:d41d8cd98f00b204e9800998ecf8427e| unsupported hash algorithm \"md5\"",
        "SHA256:a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf| unsupported hash",
        "g0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf| hash is not hexadecimal",
        "a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01b\u0663| not hexadecimal"
      })
  void badSearchHashes(String hash, String message) {
    assertThatThrownBy(() -> SearchKeys.forSearchHash(hash))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining(message.strip());
  }
}
