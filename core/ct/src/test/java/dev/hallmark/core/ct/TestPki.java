package dev.hallmark.core.ct;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** A throwaway ECDSA P-256 CA built with BouncyCastle's ASN.1 classes, for tests. */
final class TestPki {
  static final AlgorithmIdentifier ECDSA_SHA256 =
      new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

  final Signer caSigner;
  final X509Certificate caCert;
  private final SecureRandom random;

  TestPki(SecureRandom random) throws Exception {
    this.random = random;
    KeyPair pair = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, random);
    this.caSigner = Signers.create(pair, KeyDetails.PKIX_ECDSA_P256_SHA_256);
    X500Name name = new X500Name("CN=test ca,O=hallmark");
    TBSCertificate tbs =
        tbs(
            name,
            name,
            pair.getPublic().getEncoded(),
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2035-01-01T00:00:00Z"),
            List.of(
                new Extension(
                    Extension.basicConstraints, true, new BasicConstraints(true).getEncoded()),
                new Extension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).getEncoded())));
    this.caCert = sign(tbs);
  }

  /** A leaf TBS (before any CT extension) with Fulcio-like extensions, for {@code leafKey}. */
  TBSCertificate leafTbs(byte[] leafSpki, Instant notBefore) throws Exception {
    return tbs(
        X500Name.getInstance(new DERSequence()),
        X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
        leafSpki,
        notBefore,
        notBefore.plusSeconds(600),
        List.of(
            new Extension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature).getEncoded()),
            new Extension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning).getEncoded()),
            new Extension(
                Extension.subjectAlternativeName,
                true,
                new GeneralNames(new GeneralName(GeneralName.rfc822Name, "a@example.com"))
                    .getEncoded()),
            new Extension(
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.57264.1.1"),
                false,
                "https://issuer.example".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  TBSCertificate tbs(
      X500Name subject,
      X500Name issuer,
      byte[] spki,
      Instant notBefore,
      Instant notAfter,
      List<Extension> extensions) {
    V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
    g.setSerialNumber(
        new org.bouncycastle.asn1.ASN1Integer(new BigInteger(159, random).add(BigInteger.ONE)));
    g.setSignature(ECDSA_SHA256);
    g.setIssuer(issuer);
    g.setSubject(subject);
    g.setStartDate(new Time(Date.from(notBefore)));
    g.setEndDate(new Time(Date.from(notAfter)));
    g.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(spki));
    g.setExtensions(new Extensions(extensions.toArray(new Extension[0])));
    return g.generateTBSCertificate();
  }

  /** Signs {@code tbs} with the CA key and parses the result. */
  X509Certificate sign(TBSCertificate tbs) throws Exception {
    byte[] tbsDer = Precertificates.encode(tbs);
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(tbs);
    v.add(ECDSA_SHA256);
    v.add(new DERBitString(caSigner.sign(tbsDer)));
    return PublicKeys.parseCertificate(new DERSequence(v).getEncoded("DER"));
  }
}
