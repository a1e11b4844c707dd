package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.issuance.CaKey;
import dev.hallmark.ca.issuance.CaKeyException;
import dev.hallmark.ca.issuance.CaNames;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
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

/**
 * Issues the CA certificates of spec §2.6: a self-signed root (CN + O, keyCertSign + cRLSign,
 * CA:TRUE, no EKU) and an intermediate (CA:TRUE pathLen 0, EKU codeSigning) signed by it.
 */
public final class ChainGenerator {
  /** Validity of generated CA certificates. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);

  private final CaNames names;
  private final Instant now;
  private final SecureRandom random;

  /** Generates certificates named {@code names}, valid from {@code now}. */
  public ChainGenerator(CaNames names, Instant now, SecureRandom random) {
    this.names = names;
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
    this.random = random;
  }

  /**
   * The self-signed root for {@code rootKey}.
   *
   * @throws CaKeyException if the key cannot sign
   */
  public X509Certificate root(CaKey rootKey) throws CaKeyException {
    X500Name subject = name(names.commonName());
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(rootKey.publicKey().getEncoded());
    X509v3CertificateBuilder builder = builder(subject, subject, spki);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new SubjectKeyIdentifier(Certificates.keyIdentifier(spki)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a root CA extension", e);
    }
    return sign(builder, rootKey);
  }

  /**
   * A self-signed end-entity certificate for a key that is not a CA (a log's key kept in a PKCS#11
   * token, whose key store lists only keys with a certificate): not a CA, digitalSignature only.
   */
  public X509Certificate keyHolder(CaKey key) throws CaKeyException {
    X500Name subject = name(names.commonName());
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded());
    X509v3CertificateBuilder builder = builder(subject, subject, spki);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a key-holder extension", e);
    }
    return sign(builder, key);
  }

  /**
   * The intermediate for {@code key}, signed by {@code rootKey} under {@code root}.
   *
   * @throws CaKeyException if the root key cannot sign
   */
  public X509Certificate intermediate(PublicKey key, CaKey rootKey, X509Certificate root)
      throws CaKeyException {
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
    SubjectPublicKeyInfo rootSpki =
        SubjectPublicKeyInfo.getInstance(root.getPublicKey().getEncoded());
    X500Name issuer = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder builder =
        builder(issuer, name(names.commonName() + " intermediate"), spki);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new SubjectKeyIdentifier(Certificates.keyIdentifier(spki)));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new AuthorityKeyIdentifier(Certificates.keyIdentifier(rootSpki)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an intermediate CA extension", e);
    }
    return sign(builder, rootKey);
  }

  private X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, names.organization())
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, SubjectPublicKeyInfo spki) {
    BigInteger serial;
    do {
      serial = new BigInteger(159, random);
    } while (serial.signum() == 0);
    return new X509v3CertificateBuilder(
        issuer, serial, Date.from(now), Date.from(now.plus(CA_VALIDITY)), subject, spki);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, CaKey key)
      throws CaKeyException {
    try {
      return Certificates.parse(builder.build(key.contentSigner()).getEncoded());
    } catch (IOException | RuntimeException e) {
      throw new CaKeyException("CA key " + key + " failed to sign a CA certificate: " + e, e);
    }
  }
}
