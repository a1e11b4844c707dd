package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.issuance.CaChainException;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.operator.ContentSigner;

/** Signing TBS structures and reading key identifiers. */
public final class Certificates {
  private Certificates() {}

  /**
   * Signs {@code tbs} with {@code signer}, whose algorithm must be the one inside {@code tbs}, and
   * returns the DER certificate.
   *
   * @throws IOException if the signer fails
   */
  public static byte[] sign(TBSCertificate tbs, ContentSigner signer) throws IOException {
    if (!tbs.getSignature().equals(signer.getAlgorithmIdentifier())) {
      throw new IllegalArgumentException("TBS signature algorithm differs from the signer's");
    }
    byte[] tbsDer = tbs.getEncoded(ASN1Encoding.DER);
    try (OutputStream out = signer.getOutputStream()) {
      out.write(tbsDer);
    }
    byte[] signature;
    try {
      signature = signer.getSignature();
    } catch (RuntimeException e) {
      throw new IOException("CA key failed to sign: " + e, e);
    }
    ASN1EncodableVector v = new ASN1EncodableVector(3);
    v.add(tbs);
    v.add(signer.getAlgorithmIdentifier());
    v.add(new DERBitString(signature));
    return new DERSequence(v).getEncoded(ASN1Encoding.DER);
  }

  /** Parses a certificate this package has just produced. */
  public static X509Certificate parse(byte[] der) {
    try {
      return PublicKeys.parseCertificate(der);
    } catch (KeyParseException e) {
      throw new IllegalStateException("produced an unparseable certificate", e);
    }
  }

  /** The DER encoding of {@code cert}. */
  public static byte[] der(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode a parsed certificate", e);
    }
  }

  /** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bytes (as Go does). */
  public static byte[] keyIdentifier(SubjectPublicKeyInfo spki) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(spki.getPublicKeyData().getBytes());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  /**
   * The keyIdentifier of {@code cert}'s SubjectKeyIdentifier extension.
   *
   * @throws CaChainException if the certificate has none
   */
  public static byte[] subjectKeyIdentifier(X509Certificate cert) throws CaChainException {
    byte[] wrapped = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (wrapped == null) {
      throw new CaChainException(
          "CA certificate " + cert.getSubjectX500Principal() + " has no SubjectKeyIdentifier");
    }
    try {
      return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(wrapped).getOctets())
          .getKeyIdentifier();
    } catch (RuntimeException e) {
      throw new CaChainException(
          "CA certificate " + cert.getSubjectX500Principal() + " has a malformed SKI", e);
    }
  }
}
