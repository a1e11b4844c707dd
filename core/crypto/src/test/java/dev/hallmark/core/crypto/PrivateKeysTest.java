package dev.hallmark.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrivateKeysTest {

  @ParameterizedTest
  @EnumSource(
      value = KeyDetails.class,
      names = {
        "PKIX_ECDSA_P256_SHA_256",
        "PKIX_ECDSA_P384_SHA_384",
        "PKIX_ECDSA_P521_SHA_512",
        "PKIX_ED25519",
        "PKIX_RSA_PKCS1V15_2048_SHA256"
      })
  void pemRoundTripDerivesPublicKey(KeyDetails details) throws Exception {
    KeyPair pair = TestKeys.of(details);
    String pem = PrivateKeys.writePkcs8Pem(pair);
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    KeyPair read = PrivateKeys.readPkcs8Pem(pem);
    assertThat(read.getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    assertThat(read.getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    assertThat(PrivateKeys.writePkcs8Pem(read)).isEqualTo(pem);

    byte[] message = "m".getBytes(StandardCharsets.UTF_8);
    Verifiers.create(pair.getPublic(), details)
        .verify(message, Signers.create(read, details).sign(message));
  }

  @Test
  void rejectsMissingOrDuplicateOrGarbageBlocks() {
    String pem = PrivateKeys.writePkcs8Pem(TestKeys.of(KeyDetails.PKIX_ED25519));
    assertThatThrownBy(() -> PrivateKeys.readPkcs8Pem(""))
        .isInstanceOf(KeyParseException.class)
        .hasMessageContaining("found 0");
    assertThatThrownBy(() -> PrivateKeys.readPkcs8Pem(pem + pem))
        .isInstanceOf(KeyParseException.class)
        .hasMessageContaining("found 2");
    assertThatThrownBy(
            () -> PrivateKeys.readPkcs8Pem(PublicKeys.pem("PRIVATE KEY", new byte[] {0x30, 0})))
        .isInstanceOf(KeyParseException.class);
  }
}
