package dev.hallmark.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cross-checks the BouncyCastle-based signers and verifiers against the JDK's providers. */
class JcaCrossCheckTest {

  /** The JDK 17 has no Ed25519ph, so that scheme is checked by round trips only. */
  private static Signature jca(KeyDetails d) throws Exception {
    switch (d) {
      case PKIX_ECDSA_P256_SHA_256:
        return Signature.getInstance("SHA256withECDSA");
      case PKIX_ECDSA_P384_SHA_384:
        return Signature.getInstance("SHA384withECDSA");
      case PKIX_ECDSA_P521_SHA_512:
        return Signature.getInstance("SHA512withECDSA");
      case PKIX_ED25519:
        return Signature.getInstance("Ed25519");
      default:
        if (d.name().startsWith("PKIX_RSA_PSS")) {
          Signature s = Signature.getInstance("RSASSA-PSS");
          s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
          return s;
        }
        return Signature.getInstance("SHA256withRSA");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyDetails.class,
      names = {"PKIX_ED25519_PH"},
      mode = EnumSource.Mode.EXCLUDE)
  void jcaSignedVerifiesWithOurs(KeyDetails details) throws Exception {
    KeyPair pair = TestKeys.of(details);
    SignatureVerifier ours = Verifiers.create(pair.getPublic(), details);
    for (int i = 0; i < 5; i++) {
      byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
      Signature s = jca(details);
      s.initSign(pair.getPrivate(), TestKeys.seeded(i));
      s.update(message);
      byte[] sig = s.sign();
      ours.verify(message, sig);
      ours.verify(message, sig); // reuse
      if (details != KeyDetails.PKIX_ED25519) {
        ours.verifyDigest(details.hashAlgorithm().digest(message), sig);
      }
      assertThatThrownBy(() -> ours.verify("other".getBytes(StandardCharsets.UTF_8), sig))
          .isInstanceOf(SignatureCheckException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyDetails.class,
      names = {"PKIX_ED25519_PH"},
      mode = EnumSource.Mode.EXCLUDE)
  void oursVerifiesWithJca(KeyDetails details) throws Exception {
    KeyPair pair = TestKeys.of(details);
    Signer ours = Signers.create(pair, details);
    for (int i = 0; i < 5; i++) {
      byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
      byte[] sig = ours.sign(message);
      Signature s = jca(details);
      s.initVerify(pair.getPublic());
      s.update(message);
      assertThat(s.verify(sig)).as("JCA verifies our %s signature", details).isTrue();
      if (details != KeyDetails.PKIX_ED25519) {
        byte[] fromDigest = ours.signDigest(details.hashAlgorithm().digest(message));
        s.initVerify(pair.getPublic());
        s.update(message);
        assertThat(s.verify(fromDigest)).isTrue();
      }
    }
  }

  /** PSS verification accepts any salt length, as Go's PSSSaltLengthAuto does. */
  @ParameterizedTest
  @ValueSource(ints = {0, 20, 32, 64})
  void pssAnySaltLength(int saltLength) throws Exception {
    KeyDetails details = KeyDetails.PKIX_RSA_PSS_2048_SHA256;
    KeyPair pair = TestKeys.of(details);
    byte[] message = "pss".getBytes(StandardCharsets.UTF_8);
    Signature s = Signature.getInstance("RSASSA-PSS");
    s.setParameter(
        new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltLength, 1));
    s.initSign(pair.getPrivate(), TestKeys.seeded(saltLength));
    s.update(message);
    Verifiers.create(pair.getPublic(), details).verify(message, s.sign());
  }

  /** A PKCS#1 v1.5 signature does not pass as PSS and vice versa. */
  @Test
  void pkcs1AndPssAreNotInterchangeable() throws Exception {
    KeyPair pair = TestKeys.of(KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256);
    byte[] message = "m".getBytes(StandardCharsets.UTF_8);
    byte[] pkcs1 = Signers.create(pair, KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256).sign(message);
    byte[] pss = Signers.create(pair, KeyDetails.PKIX_RSA_PSS_2048_SHA256).sign(message);
    assertThatThrownBy(
            () ->
                Verifiers.create(pair.getPublic(), KeyDetails.PKIX_RSA_PSS_2048_SHA256)
                    .verify(message, pkcs1))
        .isInstanceOf(SignatureCheckException.class);
    assertThatThrownBy(
            () ->
                Verifiers.create(pair.getPublic(), KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256)
                    .verify(message, pss))
        .isInstanceOf(SignatureCheckException.class);
  }
}
