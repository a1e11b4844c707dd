package dev.hallmark.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignVerifyRoundTripTest {
  private static final byte[] MESSAGE = "hallmark round trip\n".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(KeyDetails.class)
  void signThenVerify(KeyDetails details) throws Exception {
    KeyPair pair = TestKeys.of(details);
    Signer signer = Signers.create(pair, details);
    SignatureVerifier verifier = Verifiers.create(pair.getPublic(), details);

    assertThat(signer.details()).isEqualTo(details);
    assertThat(signer.publicKey()).isEqualTo(pair.getPublic());
    assertThat(verifier.details()).isEqualTo(details);
    verifier.verify(MESSAGE, signer.sign(MESSAGE));
  }

  @ParameterizedTest
  @EnumSource(KeyDetails.class)
  void tamperedMessageOrSignatureRejected(KeyDetails details) throws Exception {
    KeyPair pair = TestKeys.of(details);
    byte[] sig = Signers.create(pair, details).sign(MESSAGE);
    SignatureVerifier verifier = Verifiers.create(pair.getPublic(), details);

    byte[] otherMessage = Arrays.copyOf(MESSAGE, MESSAGE.length);
    otherMessage[0] ^= 1;
    assertThatThrownBy(() -> verifier.verify(otherMessage, sig))
        .isInstanceOf(SignatureCheckException.class)
        .hasMessageContaining("does not verify");

    for (int i : new int[] {0, sig.length / 2, sig.length - 1}) {
      byte[] bad = sig.clone();
      bad[i] ^= 0x40;
      assertThatThrownBy(() -> verifier.verify(MESSAGE, bad))
          .isInstanceOf(SignatureCheckException.class);
    }
    assertThatThrownBy(() -> verifier.verify(MESSAGE, Arrays.copyOf(sig, sig.length + 1)))
        .isInstanceOf(SignatureCheckException.class);
    assertThatThrownBy(() -> verifier.verify(MESSAGE, new byte[0]))
        .isInstanceOf(SignatureCheckException.class);
  }

  @ParameterizedTest
  @EnumSource(KeyDetails.class)
  void verifyDigestAgreesWithVerify(KeyDetails details) throws Exception {
    KeyPair pair = TestKeys.of(details);
    Signer signer = Signers.create(pair, details);
    SignatureVerifier verifier = Verifiers.create(pair.getPublic(), details);
    byte[] digest = details.hashAlgorithm().digest(MESSAGE);
    byte[] sig = signer.sign(MESSAGE);

    if (details == KeyDetails.PKIX_ED25519) {
      assertThatThrownBy(() -> verifier.verifyDigest(digest, sig))
          .isInstanceOf(SignatureCheckException.class)
          .hasMessageContaining("cannot be verified against a digest");
      assertThatThrownBy(() -> signer.signDigest(digest))
          .isInstanceOf(UnsupportedOperationException.class);
      return;
    }
    verifier.verifyDigest(digest, sig);
    byte[] digestSig = signer.signDigest(digest);
    verifier.verify(MESSAGE, digestSig);
    verifier.verifyDigest(digest, digestSig);

    byte[] otherDigest = digest.clone();
    otherDigest[3] ^= 1;
    assertThatThrownBy(() -> verifier.verifyDigest(otherDigest, sig))
        .isInstanceOf(SignatureCheckException.class);
    assertThatThrownBy(() -> verifier.verifyDigest(Arrays.copyOf(digest, 20), sig))
        .isInstanceOf(SignatureCheckException.class)
        .hasMessageContaining("digest has 20 bytes");
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyDetails.class,
      names = {"PKIX_ECDSA_.*", "PKIX_ED25519.*"},
      mode = EnumSource.Mode.MATCH_ANY)
  void ecdsaAndEd25519AreDeterministic(KeyDetails details) throws Exception {
    Signer signer = Signers.create(TestKeys.of(details), details);
    assertThat(signer.sign(MESSAGE)).isEqualTo(signer.sign(MESSAGE));
  }

  @ParameterizedTest
  @EnumSource(KeyDetails.class)
  void signerRejectsMismatchedDetailsAndPairs(KeyDetails details) {
    KeyDetails other =
        details.isEcdsa() ? KeyDetails.PKIX_ED25519 : KeyDetails.PKIX_ECDSA_P256_SHA_256;
    assertThatThrownBy(() -> Signers.create(TestKeys.of(details), other))
        .isInstanceOf(UnsupportedKeyException.class);
    assertThatThrownBy(() -> Verifiers.create(TestKeys.of(details).getPublic(), other))
        .isInstanceOf(UnsupportedKeyException.class);
    KeyPair foreign = Signers.generate(details.isRsa() ? other : details, TestKeys.seeded(99));
    if (!details.isRsa()) {
      KeyPair mixed = new KeyPair(TestKeys.of(details).getPublic(), foreign.getPrivate());
      assertThatThrownBy(() -> Signers.create(mixed, details))
          .isInstanceOf(UnsupportedKeyException.class)
          .hasMessageContaining("does not match");
    }
  }
}
