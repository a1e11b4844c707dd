package dev.hallmark.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues a TSA's own chain when none is configured: a self-signed root (CA, keyCertSign) and the
 * timestamping certificate it signs (not a CA, digitalSignature, critical EKU of only
 * id-kp-timeStamping, as RFC 3161 §2.3 and the clients require).
 */
public final class TsaCertificates {
  /** Validity of generated TSA certificates. */
  public static final Duration VALIDITY = Duration.ofDays(3650);

  private TsaCertificates() {}

  /**
   * @param root the root's key pair; its private key may be a token handle signed by {@code
   *     rootProvider} (null: the default providers)
   * @param leafKey the timestamping key's public half
   * @param organization the subjects' O; CNs are "{@code organization} TSA root" and "… Timestamp
   *     Authority"
   * @return timestamping certificate, root
   */
  public static List<X509Certificate> generate(
      KeyPair root,
      Provider rootProvider,
      PublicKey leafKey,
      String organization,
      Instant now,
      SecureRandom random)
      throws TsaKeyException {
    X500Name rootName = name(organization, organization + " TSA root");
    SubjectPublicKeyInfo rootSpki = SubjectPublicKeyInfo.getInstance(root.getPublic().getEncoded());
    SubjectPublicKeyInfo leafSpki = SubjectPublicKeyInfo.getInstance(leafKey.getEncoded());
    try {
      X509v3CertificateBuilder r = builder(rootName, rootName, rootSpki, now, random);
      r.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      r.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      r.addExtension(
          Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId(rootSpki)));
      X509v3CertificateBuilder l =
          builder(
              rootName,
              name(organization, organization + " Timestamp Authority"),
              leafSpki,
              now,
              random);
      l.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      l.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      l.addExtension(
          Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
      l.addExtension(
          Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId(leafSpki)));
      l.addExtension(
          Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId(rootSpki)));
      String algorithm =
          root.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA384withECDSA";
      JcaContentSignerBuilder signer = new JcaContentSignerBuilder(algorithm);
      if (rootProvider != null) {
        signer.setProvider(rootProvider);
      } else {
        signer.setSecureRandom(random);
      }
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      X509Certificate rootCert = converter.getCertificate(r.build(signer.build(root.getPrivate())));
      X509Certificate leafCert = converter.getCertificate(l.build(signer.build(root.getPrivate())));
      return List.of(leafCert, rootCert);
    } catch (IOException | OperatorCreationException | CertificateException e) {
      throw new TsaKeyException("cannot issue the TSA chain: " + e.getMessage(), e);
    }
  }

  private static X500Name name(String organization, String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, organization)
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer,
      X500Name subject,
      SubjectPublicKeyInfo spki,
      Instant now,
      SecureRandom random) {
    BigInteger serial;
    do {
      serial = new BigInteger(159, random);
    } while (serial.signum() == 0);
    return new X509v3CertificateBuilder(
        issuer, serial, Date.from(now), Date.from(now.plus(VALIDITY)), subject, spki);
  }

  /** RFC 7093 method 1: the leftmost 160 bits of SHA-256 of the subjectPublicKey bits. */
  private static byte[] keyId(SubjectPublicKeyInfo spki) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(spki.getPublicKeyData().getBytes());
      return java.util.Arrays.copyOf(h, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256", e);
    }
  }
}
