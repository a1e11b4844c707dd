package dev.hallmark.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.ca.identity.SubjectAltName;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateProfileTest {
  private static final String ARC = "1.3.6.1.4.1.57264.1.";
  private static final AlgorithmIdentifier ECDSA384 =
      new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384);

  @TempDir Path dir;
  private CaChain ca;
  private CertificateProfile profile;
  private PublicKey subjectKey;

  @BeforeEach
  void setUp() throws Exception {
    ca = TestCa.generatedCa(dir);
    profile = new CertificateProfile(ca.issuer(), TestCa.CLOCK, TestCa.random(11));
    subjectKey = CaKeys.generateEc("secp256r1", TestCa.random(12)).getPublic();
  }

  private TBSCertificate tbs(CertificateSubject subject) throws Exception {
    return profile.leaf(subject, subjectKey).tbs(ECDSA384);
  }

  @Test
  void fieldsAndExtensionsFollowTheFulcioProfile() throws Exception {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put(ARC + "1", "https://token.actions.githubusercontent.com");
    ext.put(ARC + "2", "push");
    ext.put(ARC + "8", "https://token.actions.githubusercontent.com");
    ext.put(ARC + "9", "https://github.com/o/r/.github/workflows/x.yml@refs/heads/main");
    ext.put(ARC + "24", "repo:o/r:ref:refs/heads/main");
    String uri = "https://github.com/o/r/.github/workflows/x.yml@refs/heads/main";
    TBSCertificate tbs =
        tbs(new CertificateSubject(new SubjectAltName(SubjectAltName.Type.URI, uri), ext));

    assertThat(tbs.getVersionNumber()).isEqualTo(3);
    assertThat(tbs.getSubject().getRDNs()).isEmpty();
    assertThat(tbs.getIssuer().getEncoded())
        .isEqualTo(ca.issuer().getSubjectX500Principal().getEncoded());
    assertThat(tbs.getStartDate().getDate().toInstant()).isEqualTo(TestCa.NOW);
    assertThat(tbs.getEndDate().getDate().toInstant()).isEqualTo(TestCa.NOW.plusSeconds(600));
    assertThat(tbs.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(subjectKey.getEncoded());

    Extensions exts = tbs.getExtensions();
    List<String> order = new ArrayList<>();
    for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
      order.add(oid.getId());
    }
    assertThat(order)
        .containsExactly(
            "2.5.29.15",
            "2.5.29.37",
            "2.5.29.14",
            "2.5.29.35",
            "2.5.29.17",
            ARC + "1",
            ARC + "2",
            ARC + "8",
            ARC + "9",
            ARC + "24");

    Extension ku = exts.getExtension(Extension.keyUsage);
    assertThat(ku.isCritical()).isTrue();
    assertThat(KeyUsage.getInstance(ku.getParsedValue()))
        .isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
    Extension eku = exts.getExtension(Extension.extendedKeyUsage);
    assertThat(eku.isCritical()).isFalse();
    assertThat(ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages())
        .containsExactly(KeyPurposeId.id_kp_codeSigning);

    byte[] keyBits = tbs.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
    byte[] ski = SubjectKeyIdentifier.fromExtensions(exts).getKeyIdentifier();
    assertThat(ski).isEqualTo(MessageDigest.getInstance("SHA-1").digest(keyBits));
    byte[] issuerSki =
        SubjectKeyIdentifier.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(
                        ca.issuer().getExtensionValue("2.5.29.14"))
                    .getOctets())
            .getKeyIdentifier();
    assertThat(AuthorityKeyIdentifier.fromExtensions(exts).getKeyIdentifierObject().getOctets())
        .isEqualTo(issuerSki);

    Extension san = exts.getExtension(Extension.subjectAlternativeName);
    assertThat(san.isCritical()).isTrue();
    GeneralName[] names = GeneralNames.getInstance(san.getParsedValue()).getNames();
    assertThat(names).hasSize(1);
    assertThat(names[0].getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
    assertThat(names[0].getName().toString()).isEqualTo(uri);

    // 1.1-1.6: raw UTF-8 bytes; 1.8 on: DER UTF8String
    assertThat(exts.getExtension(new ASN1ObjectIdentifier(ARC + "1")).getExtnValue().getOctets())
        .isEqualTo("https://token.actions.githubusercontent.com".getBytes(StandardCharsets.UTF_8));
    assertThat(exts.getExtension(new ASN1ObjectIdentifier(ARC + "2")).getExtnValue().getOctets())
        .isEqualTo("push".getBytes(StandardCharsets.UTF_8));
    for (String arc : List.of("8", "9", "24")) {
      Extension e = exts.getExtension(new ASN1ObjectIdentifier(ARC + arc));
      assertThat(e.isCritical()).isFalse();
      assertThat(e.getExtnValue().getOctets())
          .isEqualTo(new DERUTF8String(ext.get(ARC + arc)).getEncoded());
    }
  }

  @Test
  void emailSanIsAnRfc822Name() throws Exception {
    GeneralName name = onlyName(tbs(TestCa.email("dev@example.com")));
    assertThat(name.getTagNo()).isEqualTo(GeneralName.rfc822Name);
    assertThat(name.getName().toString()).isEqualTo("dev@example.com");
  }

  @Test
  void usernameSanIsAnOtherNameWithUtf8String() throws Exception {
    TBSCertificate tbs =
        tbs(
            new CertificateSubject(
                new SubjectAltName(SubjectAltName.Type.OTHER_NAME, "alice!example.com"), Map.of()));
    GeneralName name = onlyName(tbs);
    assertThat(name.getTagNo()).isEqualTo(GeneralName.otherName);
    OtherName other = OtherName.getInstance(name.getName());
    assertThat(other.getTypeID().getId()).isEqualTo(ARC + "7");
    assertThat(DERUTF8String.getInstance(other.getValue()).getString())
        .isEqualTo("alice!example.com");
    // GeneralName [0] IMPLICIT OtherName, value [0] EXPLICIT UTF8String (as Go's asn1 writes it)
    ASN1TaggedObject tagged = (ASN1TaggedObject) ASN1Primitive.fromByteArray(name.getEncoded());
    assertThat(tagged.getTagNo()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "a@b@c", "@example.com", "dév@example.com"})
  void malformedEmailIsRejected(String address) {
    assertThatThrownBy(() -> tbs(TestCa.email(address)))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("email");
  }

  @Test
  void relativeUriIsRejected() {
    CertificateSubject s =
        new CertificateSubject(
            new SubjectAltName(SubjectAltName.Type.URI, "just/a/path"), Map.of());
    assertThatThrownBy(() -> tbs(s))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("absolute");
  }

  @Test
  void extensionOidsOutsideTheFulcioArcAreRefused() {
    SubjectAltName san = new SubjectAltName(SubjectAltName.Type.EMAIL, "a@b.c");
    for (String oid : List.of(ARC + "7", ARC + "0", ARC + "08", "1.2.3", ARC + "x")) {
      assertThatThrownBy(() -> new CertificateSubject(san, Map.of(oid, "v")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(oid);
    }
  }

  @Test
  void serialsArePositiveAtMost20OctetsAndDistinct() throws Exception {
    List<BigInteger> serials = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      BigInteger serial = profile.leaf(TestCa.email("a@b.c"), subjectKey).serial();
      assertThat(serial.signum()).isPositive();
      assertThat(serial.bitLength()).isLessThanOrEqualTo(159);
      assertThat(new ASN1Integer(serial).getEncoded().length - 2).isLessThanOrEqualTo(20);
      serials.add(serial);
    }
    assertThat(serials).doesNotHaveDuplicates();
    assertThat(serials.stream().mapToInt(BigInteger::bitLength).max().getAsInt())
        .isGreaterThan(150);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"secp256r1", "secp384r1", "secp521r1", "rsa2048", "rsa3072", "rsa4096", "Ed25519"})
  void acceptedKeys(String kind) throws Exception {
    PublicKey key = generate(kind, 65537);
    assertThat(
            profile
                .leaf(TestCa.email("a@b.c"), key)
                .tbs(ECDSA384)
                .getSubjectPublicKeyInfo()
                .getEncoded())
        .isEqualTo(key.getEncoded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa1024", "rsa2048e3", "secp256k1", "Ed448", "X25519"})
  void rejectedKeys(String kind) throws Exception {
    PublicKey key = kind.equals("rsa2048e3") ? generate("rsa2048", 3) : generate(kind, 65537);
    assertThatThrownBy(() -> profile.leaf(TestCa.email("a@b.c"), key))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("unsupported");
  }

  private static PublicKey generate(String kind, int exponent) throws Exception {
    if (kind.startsWith("rsa")) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(
          new RSAKeyGenParameterSpec(
              Integer.parseInt(kind.substring(3, 7)), BigInteger.valueOf(exponent)),
          TestCa.random(kind.hashCode()));
      return g.generateKeyPair().getPublic();
    }
    if (kind.startsWith("sec")) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
      g.initialize(new ECGenParameterSpec(kind), TestCa.random(13));
      return g.generateKeyPair().getPublic();
    }
    KeyPair pair = KeyPairGenerator.getInstance(kind).generateKeyPair();
    return pair.getPublic();
  }

  private static GeneralName onlyName(TBSCertificate tbs) {
    Extension san = tbs.getExtensions().getExtension(Extension.subjectAlternativeName);
    assertThat(san.isCritical()).isTrue();
    GeneralName[] names = GeneralNames.getInstance(san.getParsedValue()).getNames();
    assertThat(names).hasSize(1);
    return names[0];
  }
}
