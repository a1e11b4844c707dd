package dev.hallmark.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyDetailsTest {

  @ParameterizedTest
  @EnumSource(KeyDetails.class)
  void parsesItsOwnName(KeyDetails d) throws Exception {
    assertThat(KeyDetails.parse(d.name())).isEqualTo(d);
  }

  @Test
  void hashAlgorithms() {
    assertThat(KeyDetails.PKIX_ECDSA_P256_SHA_256.hashAlgorithm())
        .isEqualTo(HashAlgorithm.SHA2_256);
    assertThat(KeyDetails.PKIX_ECDSA_P384_SHA_384.hashAlgorithm())
        .isEqualTo(HashAlgorithm.SHA2_384);
    assertThat(KeyDetails.PKIX_ECDSA_P521_SHA_512.hashAlgorithm())
        .isEqualTo(HashAlgorithm.SHA2_512);
    assertThat(KeyDetails.PKIX_ED25519.hashAlgorithm()).isEqualTo(HashAlgorithm.SHA2_512);
    assertThat(KeyDetails.PKIX_ED25519_PH.hashAlgorithm()).isEqualTo(HashAlgorithm.SHA2_512);
    assertThat(KeyDetails.PKIX_RSA_PSS_4096_SHA256.hashAlgorithm())
        .isEqualTo(HashAlgorithm.SHA2_256);
    assertThat(HashAlgorithm.SHA2_384.digest(new byte[0])).hasSize(48);
    assertThat(HashAlgorithm.SHA2_512.jcaName()).isEqualTo("SHA-512");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PKCS1_RSA_PKCS1V15",
        "PKIX_ECDSA_P256_HMAC_SHA_256",
        "ML_DSA_65",
        "pkix_ed25519",
        "",
        "PUBLIC_KEY_DETAILS_UNSPECIFIED"
      })
  void unknownOrDeprecatedNames(String name) {
    assertThatThrownBy(() -> KeyDetails.parse(name))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("supported: PKIX_ECDSA_P256_SHA_256");
  }

  @Test
  void nullName() {
    assertThatThrownBy(() -> KeyDetails.parse(null)).isInstanceOf(UnsupportedKeyException.class);
  }
}
