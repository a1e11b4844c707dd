package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key formats Sigstore's TUF clients use, signing through {@link TufSigner}. */
class TufKeyTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] MESSAGE =
      "{\"_type\":\"timestamp\"}".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @CsvSource({
    "PKIX_ECDSA_P256_SHA_256, ecdsa, ecdsa-sha2-nistp256, -----BEGIN PUBLIC KEY-----",
    "PKIX_ECDSA_P384_SHA_384, ecdsa, ecdsa-sha2-nistp384, -----BEGIN PUBLIC KEY-----",
    "PKIX_ED25519, ed25519, ed25519, ''",
    "PKIX_RSA_PSS_2048_SHA256, rsa, rsassa-pss-sha256, -----BEGIN PUBLIC KEY-----"
  })
  void signsAndVerifiesInTheSigstoreFormats(
      String details, String keyType, String scheme, String publicPrefix) throws Exception {
    KeyDetails d = KeyDetails.valueOf(details);
    TufSigner signer = TufSigner.of(Signers.create(Signers.generate(d, RANDOM), d));
    TufKey key = signer.key();

    assertThat(key.keyType()).isEqualTo(keyType);
    assertThat(key.scheme()).isEqualTo(scheme);
    assertThat(key.publicValue()).startsWith(publicPrefix);
    if (d == KeyDetails.PKIX_ED25519) {
      assertThat(key.publicValue()).hasSize(64).matches("[0-9a-f]+");
    }
    byte[] sig = signer.sign(MESSAGE);
    key.verifier().verify(MESSAGE, sig);
    byte[] other = MESSAGE.clone();
    other[2] ^= 1;
    assertThatThrownBy(() -> key.verifier().verify(other, sig))
        .isInstanceOf(SignatureCheckException.class);
  }

  @Test
  void acceptsTheOlderEcdsaKeyTypeName() throws Exception {
    KeyDetails d = KeyDetails.PKIX_ECDSA_P256_SHA_256;
    TufSigner signer = TufSigner.of(Signers.create(Signers.generate(d, RANDOM), d));
    TufKey old =
        new TufKey("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256", signer.key().publicValue());
    old.verifier().verify(MESSAGE, signer.sign(MESSAGE));
  }

  @Test
  void refusesSchemesWithoutATufName() throws Exception {
    KeyPair rsa = Signers.generate(KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256, RANDOM);
    assertThatThrownBy(
            () -> TufSigner.of(Signers.create(rsa, KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256)))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("no TUF scheme");
    assertThatThrownBy(() -> new TufKey("ecdsa", "ecdsa-sha2-nistp521", "x").verifier())
        .isInstanceOf(UnsupportedKeyException.class);
    assertThatThrownBy(() -> new TufKey("dsa", "dsa", "x").verifier())
        .isInstanceOf(UnsupportedKeyException.class);
    assertThatThrownBy(() -> new TufKey("ed25519", "ed25519", "abcd").verifier())
        .isInstanceOf(KeyParseException.class);
    assertThatThrownBy(() -> new TufKey("ecdsa", "ecdsa-sha2-nistp256", "not pem").verifier())
        .isInstanceOf(KeyParseException.class);
  }

  @Test
  void refusesUnrecognizedMembersThatAreNotJson() {
    assertThatThrownBy(
            () -> new TufKey("ed25519", "ed25519", "ab", java.util.Map.of("x", "{not json")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new TufKey("ed25519", "ed25519", "ab", java.util.Map.of("keyval", "{}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
