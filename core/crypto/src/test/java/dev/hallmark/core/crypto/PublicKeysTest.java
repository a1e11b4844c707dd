package dev.hallmark.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeysTest {

  static String resource(String name) throws IOException {
    try (InputStream in = PublicKeysTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @EnumSource(KeyDetails.class)
  void parseSpkiRoundTripAndDefaultDetails(KeyDetails details) throws Exception {
    PublicKey key = TestKeys.of(details).getPublic();
    PublicKey parsed = PublicKeys.parseSpki(key.getEncoded());
    assertThat(parsed.getEncoded()).isEqualTo(key.getEncoded());
    PublicKeys.checkMatches(parsed, details);
    KeyDetails expectedDefault =
        details == KeyDetails.PKIX_ED25519_PH
            ? KeyDetails.PKIX_ED25519
            : KeyDetails.valueOf(details.name().replace("_PSS_", "_PKCS1V15_"));
    assertThat(PublicKeys.defaultDetails(parsed)).isEqualTo(expectedDefault);
  }

  @Test
  void sha256SpkiIsTheRekorV1LogId() throws Exception {
    List<byte[]> der =
        PublicKeys.parsePemBlocks(
            resource("sigstore-public-good/rekor-v1-public-key.pem"), "PUBLIC KEY");
    PublicKey key = PublicKeys.parseSpki(der.get(0));
    assertThat(PublicKeys.defaultDetails(key)).isEqualTo(KeyDetails.PKIX_ECDSA_P256_SHA_256);
    assertThat(Base64.getEncoder().encodeToString(PublicKeys.sha256Spki(key)))
        .isEqualTo(resource("sigstore-public-good/rekor-v1-log-id.txt").strip());
  }

  @Test
  void fulcioIntermediateSignatureVerifiesWithRootKey() throws Exception {
    List<byte[]> chain =
        PublicKeys.parsePemBlocks(resource("sigstore-public-good/fulcio-chain.pem"), "CERTIFICATE");
    assertThat(chain).hasSize(2);
    X509Certificate intermediate = PublicKeys.parseCertificate(chain.get(0));
    X509Certificate root = PublicKeys.parseCertificate(chain.get(1));
    assertThat(intermediate.getSigAlgName()).isEqualTo("SHA384withECDSA");
    SignatureVerifier verifier =
        Verifiers.create(root.getPublicKey(), PublicKeys.defaultDetails(root.getPublicKey()));
    assertThat(verifier.details()).isEqualTo(KeyDetails.PKIX_ECDSA_P384_SHA_384);
    verifier.verify(intermediate.getTBSCertificate(), intermediate.getSignature());
    verifier.verify(root.getTBSCertificate(), root.getSignature());
    assertThatThrownBy(() -> verifier.verify(root.getTBSCertificate(), intermediate.getSignature()))
        .isInstanceOf(SignatureCheckException.class);
    // Trailing bytes after a certificate are rejected.
    byte[] padded = Arrays.copyOf(chain.get(0), chain.get(0).length + 1);
    assertThatThrownBy(() -> PublicKeys.parseCertificate(padded))
        .isInstanceOf(KeyParseException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00",
        "3000",
        "300506032b6570",
        "302a300506032b6570032100" // Ed25519 with a truncated key
      })
  void badSpkiBytes(String hex) {
    assertThatThrownBy(() -> PublicKeys.parseSpki(hex(hex))).isInstanceOf(KeyParseException.class);
  }

  @Test
  void spkiWithTrailingBytesOrBerIsRejected() {
    byte[] good = TestKeys.of(KeyDetails.PKIX_ECDSA_P256_SHA_256).getPublic().getEncoded();
    assertThatThrownBy(() -> PublicKeys.parseSpki(Arrays.copyOf(good, good.length + 1)))
        .isInstanceOf(KeyParseException.class);
    // BER long-form length for the outer SEQUENCE.
    byte[] ber = new byte[good.length + 1];
    ber[0] = 0x30;
    ber[1] = (byte) 0x81;
    System.arraycopy(good, 1, ber, 2, good.length - 1);
    assertThatThrownBy(() -> PublicKeys.parseSpki(ber)).isInstanceOf(KeyParseException.class);
    // A point not on the curve.
    byte[] offCurve = good.clone();
    offCurve[offCurve.length - 1] ^= 1;
    assertThatThrownBy(() -> PublicKeys.parseSpki(offCurve)).isInstanceOf(KeyParseException.class);
  }

  @Test
  void rsa1024IsUnsupported() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024, TestKeys.seeded(1));
    KeyPair pair = g.generateKeyPair();
    PublicKey key = PublicKeys.parseSpki(pair.getPublic().getEncoded());
    assertThatThrownBy(() -> PublicKeys.defaultDetails(key))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> Verifiers.create(key, KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256))
        .isInstanceOf(UnsupportedKeyException.class);
    assertThatThrownBy(() -> Signers.create(pair, KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256))
        .isInstanceOf(UnsupportedKeyException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp224r1", "secp256k1"})
  void otherCurvesAreUnsupported(String curve) throws Exception {
    ASN1ObjectIdentifier oid =
        curve.equals("secp224r1") ? SECObjectIdentifiers.secp224r1 : SECObjectIdentifiers.secp256k1;
    X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
    ECKeyPairGenerator g = new ECKeyPairGenerator();
    g.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(oid, x9), TestKeys.seeded(2)));
    AsymmetricCipherKeyPair pair = g.generateKeyPair();
    byte[] spki =
        SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded();
    PublicKey key = PublicKeys.parseSpki(spki);
    assertThatThrownBy(() -> PublicKeys.defaultDetails(key))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining(oid.getId());
    for (KeyDetails d : KeyDetails.values()) {
      assertThatThrownBy(() -> Verifiers.create(key, d))
          .isInstanceOf(UnsupportedKeyException.class);
    }
  }

  @Test
  void checkMatchesRejectsWrongSizeOrCurve() {
    PublicKey p256 = TestKeys.of(KeyDetails.PKIX_ECDSA_P256_SHA_256).getPublic();
    assertThatThrownBy(() -> PublicKeys.checkMatches(p256, KeyDetails.PKIX_ECDSA_P384_SHA_384))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("384");
    PublicKey rsa3072 = TestKeys.of(KeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256).getPublic();
    assertThatThrownBy(() -> PublicKeys.checkMatches(rsa3072, KeyDetails.PKIX_RSA_PSS_2048_SHA256))
        .isInstanceOf(UnsupportedKeyException.class);
    PublicKey ed = TestKeys.of(KeyDetails.PKIX_ED25519).getPublic();
    assertThatThrownBy(() -> PublicKeys.checkMatches(ed, KeyDetails.PKIX_RSA_PSS_2048_SHA256))
        .isInstanceOf(UnsupportedKeyException.class);
  }

  static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
