package dev.hallmark.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.PrivateKeys;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaKeysTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"secp256r1, SHA256withECDSA", "secp384r1, SHA384withECDSA", "rsa, SHA256withRSA"})
  void pkcs8PemKeySigns(String kind, String algorithm) throws Exception {
    KeyPair pair;
    if (kind.equals("rsa")) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, TestCa.random(3));
      pair = g.generateKeyPair();
    } else {
      pair = CaKeys.generateEc(kind, TestCa.random(3));
    }
    Path file = dir.resolve("ca.key");
    Files.writeString(file, PrivateKeys.writePkcs8Pem(pair));

    CaKey key = CaKeys.fromPkcs8PemFile(file, TestCa.random(4));
    assertThat(key.publicKey()).isEqualTo(pair.getPublic());
    assertThat(key.signatureAlgorithm()).isEqualTo(algorithm);

    ContentSigner signer = key.contentSigner();
    try (OutputStream out = signer.getOutputStream()) {
      out.write(new byte[] {1, 2, 3});
    }
    Signature v = Signature.getInstance(algorithm);
    v.initVerify(pair.getPublic());
    v.update(new byte[] {1, 2, 3});
    assertThat(v.verify(signer.getSignature())).isTrue();
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("absent.pem");
    assertThatThrownBy(() -> CaKeys.fromPkcs8PemFile(file, TestCa.random(1)))
        .isInstanceOf(CaKeyException.class)
        .hasMessageContaining("absent.pem");
  }

  @Test
  void fileWithoutKeyIsNamed() throws Exception {
    Path file = dir.resolve("cert.pem");
    Files.writeString(file, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> CaKeys.fromPkcs8PemFile(file, TestCa.random(1)))
        .isInstanceOf(CaKeyException.class)
        .hasMessageContaining("cert.pem")
        .hasMessageContaining("PRIVATE KEY");
  }

  @Test
  void mismatchedHalvesAreRefused() throws Exception {
    KeyPair a = CaKeys.generateEc("secp256r1", TestCa.random(1));
    KeyPair b = CaKeys.generateEc("secp256r1", TestCa.random(2));
    assertThatThrownBy(
            () -> CaKeys.fromKeyPair(new KeyPair(a.getPublic(), b.getPrivate()), TestCa.random(3)))
        .isInstanceOf(CaKeyException.class)
        .hasMessageContaining("does not match");
  }
}
