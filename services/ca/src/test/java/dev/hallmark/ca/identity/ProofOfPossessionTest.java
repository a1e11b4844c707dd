package dev.hallmark.ca.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProofOfPossessionTest {
  static final String SUB = "user-123";
  static final String EMAIL = "alice@example.com";
  static final Principal PRINCIPAL =
      new Principal(
          "https://issuer.example",
          IssuerType.EMAIL,
          SUB,
          new SubjectAltName(SubjectAltName.Type.EMAIL, EMAIL),
          List.of(SUB, EMAIL),
          Map.of(
              "1.3.6.1.4.1.57264.1.1", "https://issuer.example",
              "1.3.6.1.4.1.57264.1.8", "https://issuer.example",
              "1.3.6.1.4.1.57264.1.24", SUB));

  final ProofOfPossession pop = new ProofOfPossession(new KeyPolicy());

  static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  static KeyPair rsa(int bits, BigInteger e) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(new RSAKeyGenParameterSpec(bits, e));
    return g.generateKeyPair();
  }

  static byte[] sign(String alg, PrivateKey key, String message) throws Exception {
    Signature s = Signature.getInstance(alg);
    s.initSign(key);
    s.update(message.getBytes(StandardCharsets.UTF_8));
    return s.sign();
  }

  static Stream<Arguments> schemes() throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair ed2 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    return Stream.of(
        Arguments.of("P-256 SHA-256", ec("secp256r1"), ec("secp256r1"), "SHA256withECDSA"),
        Arguments.of("P-384 SHA-256", ec("secp384r1"), ec("secp384r1"), "SHA256withECDSA"),
        Arguments.of("P-384 SHA-384", ec("secp384r1"), ec("secp384r1"), "SHA384withECDSA"),
        Arguments.of("P-521 SHA-256", ec("secp521r1"), ec("secp521r1"), "SHA256withECDSA"),
        Arguments.of("P-521 SHA-512", ec("secp521r1"), ec("secp521r1"), "SHA512withECDSA"),
        Arguments.of(
            "RSA-2048",
            rsa(2048, RSAKeyGenParameterSpec.F4),
            rsa(2048, RSAKeyGenParameterSpec.F4),
            "SHA256withRSA"),
        Arguments.of(
            "RSA-2056",
            rsa(2056, RSAKeyGenParameterSpec.F4),
            rsa(2056, RSAKeyGenParameterSpec.F4),
            "SHA256withRSA"),
        Arguments.of("Ed25519", ed, ed2, "Ed25519"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void acceptsSignatureOverSubOrEmail(String name, KeyPair kp, KeyPair other, String alg)
      throws Exception {
    for (String challenge : List.of(SUB, EMAIL)) {
      byte[] sig = sign(alg, kp.getPrivate(), challenge);
      assertThatCode(() -> pop.verify(kp.getPublic(), sig, PRINCIPAL)).doesNotThrowAnyException();
      assertThatCode(() -> pop.verify(kp.getPublic().getEncoded(), sig, PRINCIPAL))
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void refusesOtherMessagesKeysAndGarbage(String name, KeyPair kp, KeyPair other, String alg)
      throws Exception {
    byte[] overOther = sign(alg, kp.getPrivate(), "mallory");
    assertThatThrownBy(() -> pop.verify(kp.getPublic(), overOther, PRINCIPAL))
        .isInstanceOf(ProofOfPossessionException.class)
        .hasMessageContaining("over \"user-123\" or \"alice@example.com\"");
    byte[] good = sign(alg, kp.getPrivate(), SUB);
    assertThatThrownBy(() -> pop.verify(other.getPublic(), good, PRINCIPAL))
        .isInstanceOf(ProofOfPossessionException.class);
    byte[] flipped = good.clone();
    flipped[flipped.length - 1] ^= 1;
    assertThatThrownBy(() -> pop.verify(kp.getPublic(), flipped, PRINCIPAL))
        .isInstanceOf(ProofOfPossessionException.class);
    assertThatThrownBy(() -> pop.verify(kp.getPublic(), new byte[0], PRINCIPAL))
        .isInstanceOf(ProofOfPossessionException.class)
        .hasMessage("proof of possession is empty");
    assertThatThrownBy(() -> pop.verify(kp.getPublic(), new byte[] {0x30, 0x00}, PRINCIPAL))
        .isInstanceOf(ProofOfPossessionException.class);
  }

  @Test
  void rsaPssIsNotPkcs1() throws Exception {
    KeyPair kp = rsa(2048, RSAKeyGenParameterSpec.F4);
    Signature s = Signature.getInstance("RSASSA-PSS");
    s.setParameter(
        new java.security.spec.PSSParameterSpec(
            "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
    s.initSign(kp.getPrivate());
    s.update(SUB.getBytes(StandardCharsets.UTF_8));
    byte[] sig = s.sign();
    assertThatThrownBy(() -> pop.verify(kp.getPublic(), sig, PRINCIPAL))
        .hasMessageContaining("RSA PKCS#1 v1.5 with SHA-256");
  }

  @Test
  void keyPolicyRefusals() throws Exception {
    KeyPolicy policy = new KeyPolicy();
    assertThatThrownBy(() -> policy.check(rsa(1024, RSAKeyGenParameterSpec.F4).getPublic()))
        .isInstanceOf(KeyPolicyException.class)
        .hasMessage("RSA key of 1024 bits is not accepted; accepted: " + KeyPolicy.ACCEPTED);
    assertThatThrownBy(() -> policy.check(rsa(2048, BigInteger.valueOf(3)).getPublic()))
        .hasMessageStartingWith("RSA key with public exponent 3 is not accepted");
    assertThatThrownBy(() -> policy.check(rsa(2052, RSAKeyGenParameterSpec.F4).getPublic()))
        .hasMessageStartingWith("RSA key of 2052 bits");
    assertThatThrownBy(() -> policy.check(rsa(4104, RSAKeyGenParameterSpec.F4).getPublic()))
        .hasMessageStartingWith("RSA key of 4104 bits");
    assertThatThrownBy(
            () -> policy.check(KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic()))
        .hasMessageStartingWith("key of algorithm 1.3.101.113 is not accepted");
    KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
    dsa.initialize(2048);
    assertThatThrownBy(() -> policy.check(dsa.generateKeyPair().getPublic()))
        .hasMessageContaining("is not accepted; accepted: ECDSA P-256/P-384/P-521");
    byte[] p224 =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp224r1),
                new byte[57])
            .getEncoded();
    assertThatThrownBy(() -> policy.check(p224))
        .isInstanceOf(KeyPolicyException.class)
        .hasMessageStartingWith("EC key on curve 1.3.132.0.33 is not accepted");
    assertThatThrownBy(() -> policy.check(new byte[] {1, 2, 3}))
        .isInstanceOf(KeyPolicyException.class)
        .hasMessageStartingWith("not a DER SubjectPublicKeyInfo");
    assertThatThrownBy(() -> pop.verify(new byte[] {1, 2, 3}, new byte[] {1}, PRINCIPAL))
        .isInstanceOf(KeyPolicyException.class);
    assertThat(policy.check(ec("secp521r1").getPublic().getEncoded()).getAlgorithm())
        .isEqualTo("EC");
  }
}
