package dev.hallmark.core.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SCTs under each key scheme RFC 6962 allows; the others are refused up front. */
class SctSignerTest {
  @ParameterizedTest
  @EnumSource(KeyDetails.class)
  void signsWithEcdsaAndRsaPkcs1Only(KeyDetails details) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(details.ordinal());
    // Slow key generation; 2048 covers the RSA paths.
    assumeFalse(details.name().contains("4096") || details.name().contains("3072"));
    KeyPair pair = Signers.generate(details, random);
    Signer signer = Signers.create(pair, details);
    boolean allowed = details.isEcdsa() || details.name().startsWith("PKIX_RSA_PKCS1V15");
    if (!allowed) {
      assertThatThrownBy(() -> new SctSigner(signer))
          .isInstanceOf(UnsupportedKeyException.class)
          .hasMessageContaining("CT logs sign with ECDSA or RSA PKCS#1 v1.5");
      return;
    }
    SctSigner log = new SctSigner(signer);
    PrecertEntry entry = new PrecertEntry(new byte[32], new byte[] {0x30, 0x00});
    SignedCertificateTimestamp sct = log.sign(1_000, entry, new byte[] {7});
    assertThat(sct.logId()).isEqualTo(log.logId());
    assertThat(sct.signatureAlgorithm())
        .isEqualTo(details.isEcdsa() ? TlsSignatureAlgorithm.ECDSA : TlsSignatureAlgorithm.RSA);
    TrustedCtLog trusted =
        TrustedCtLog.of(pair.getPublic().getEncoded(), details, Instant.EPOCH, null);
    new SctVerifier(1).verifySct(sct, entry, List.of(trusted));
    assertThat(SignedCertificateTimestamp.decode(sct.encode())).isEqualTo(sct);
  }
}
