package dev.hallmark.core.crypto;

import dev.hallmark.core.crypto.internal.EcCurves;
import dev.hallmark.core.crypto.internal.Pem;
import dev.hallmark.core.crypto.internal.PublicKeyInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/** Parsing, encoding and classification of public keys and certificates. */
public final class PublicKeys {
  private PublicKeys() {}

  /**
   * Parses a DER SubjectPublicKeyInfo holding an EC, RSA or Ed25519 key. The encoding must be exact
   * DER with no trailing bytes. A well-formed key on an unsupported curve (say P-224) may still
   * parse; {@link #defaultDetails} and {@link Verifiers#create} reject it.
   *
   * @throws KeyParseException if the bytes are not such a key
   */
  public static PublicKey parseSpki(byte[] der) throws KeyParseException {
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      if (!Arrays.equals(spki.getEncoded(ASN1Encoding.DER), der)) {
        throw new KeyParseException("public key is not DER encoded");
      }
    } catch (IOException | RuntimeException e) {
      throw new KeyParseException("bytes are not a DER SubjectPublicKeyInfo", e);
    }
    ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
    String jca;
    if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      jca = "EC";
      checkPointOnCurve(spki);
    } else if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      jca = "RSA";
    } else if (alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
      jca = "Ed25519";
    } else {
      throw new KeyParseException("unsupported public key algorithm " + alg);
    }
    try {
      return KeyFactory.getInstance(jca).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyParseException("invalid " + jca + " public key: " + e.getMessage(), e);
    }
  }

  /** For the supported curves, checks the point eagerly (the JDK's KeyFactory does not). */
  private static void checkPointOnCurve(SubjectPublicKeyInfo spki) throws KeyParseException {
    if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier)) {
      return;
    }
    EcCurves curve = EcCurves.byOid((ASN1ObjectIdentifier) spki.getAlgorithm().getParameters());
    if (curve == null) {
      return;
    }
    try {
      ECPoint q = curve.domain().getCurve().decodePoint(spki.getPublicKeyData().getOctets());
      curve.domain().validatePublicPoint(q);
    } catch (RuntimeException e) {
      throw new KeyParseException("EC public key is not a valid point on " + curve.jcaName(), e);
    }
  }

  /**
   * The DER SubjectPublicKeyInfo of a DER X.509 certificate, read with BouncyCastle's ASN.1 classes
   * (no JCA certificate object): for hot paths that only need the key.
   *
   * @throws KeyParseException if the bytes are not a DER certificate
   */
  public static byte[] certificateSpki(byte[] der) throws KeyParseException {
    try {
      org.bouncycastle.asn1.x509.Certificate cert =
          org.bouncycastle.asn1.x509.Certificate.getInstance(ASN1Primitive.fromByteArray(der));
      if (cert == null || !Arrays.equals(cert.getEncoded(ASN1Encoding.DER), der)) {
        throw new KeyParseException("certificate is not DER encoded");
      }
      return cert.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER);
    } catch (IOException | RuntimeException e) {
      throw new KeyParseException("bytes are not a DER X.509 certificate", e);
    }
  }

  /**
   * Parses one DER X.509 certificate with no trailing bytes.
   *
   * @throws KeyParseException if the bytes are not a certificate
   */
  public static X509Certificate parseCertificate(byte[] der) throws KeyParseException {
    try {
      Certificate.getInstance(ASN1Primitive.fromByteArray(der));
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new KeyParseException("bytes are not a DER X.509 certificate", e);
    }
  }

  /**
   * Returns the DER contents of every PEM block of {@code type} (e.g. {@code "PUBLIC KEY"}, {@code
   * "CERTIFICATE"}) in order; text between blocks and blocks of other types are ignored.
   *
   * @throws KeyParseException if a block is malformed (unterminated, headers, bad base64)
   */
  public static List<byte[]> parsePemBlocks(String pem, String type) throws KeyParseException {
    return Pem.decode(pem, type);
  }

  /**
   * Encodes {@code der} as a PEM block exactly as Go writes it: BEGIN line, base64 in 64-character
   * lines, END line, each ending in {@code \n}.
   */
  public static String pem(String type, byte[] der) {
    return Pem.encode(type, der);
  }

  /**
   * Returns the scheme Sigstore assumes for a key without explicit details: ECDSA with the curve's
   * hash, RSA PKCS#1 v1.5 SHA-256 for 2048/3072/4096-bit keys, pure Ed25519.
   *
   * @throws UnsupportedKeyException for any other curve, size or key type
   */
  public static KeyDetails defaultDetails(PublicKey key) throws UnsupportedKeyException {
    PublicKeyInfo info = PublicKeyInfo.of(key);
    switch (info.kind()) {
      case EC:
        return info.bits() == 256
            ? KeyDetails.PKIX_ECDSA_P256_SHA_256
            : info.bits() == 384
                ? KeyDetails.PKIX_ECDSA_P384_SHA_384
                : KeyDetails.PKIX_ECDSA_P521_SHA_512;
      case ED25519:
        return KeyDetails.PKIX_ED25519;
      default:
        for (KeyDetails d : KeyDetails.values()) {
          if (d.family() == KeyDetails.Family.RSA_PKCS1V15 && d.keyBits() == info.bits()) {
            return d;
          }
        }
        throw new UnsupportedKeyException(
            "unsupported RSA key size " + info.bits() + "; supported: 2048, 3072, 4096");
    }
  }

  /**
   * Checks that {@code key} has the type and curve or modulus size that {@code details} names.
   *
   * @throws UnsupportedKeyException naming the mismatch
   */
  public static void checkMatches(PublicKey key, KeyDetails details)
      throws UnsupportedKeyException {
    checkedInfo(key, details);
  }

  /** Returns the SHA-256 of the key's DER SubjectPublicKeyInfo (Rekor v1 / CT log ID). */
  public static byte[] sha256Spki(PublicKey key) {
    return HashAlgorithm.SHA2_256.digest(key.getEncoded());
  }

  static PublicKeyInfo checkedInfo(PublicKey key, KeyDetails details)
      throws UnsupportedKeyException {
    return checked(PublicKeyInfo.of(key), details);
  }

  /** Strictly parses DER SPKI bytes straight into BouncyCastle parameters (no JCA round trip). */
  static PublicKeyInfo checkedInfo(byte[] der, KeyDetails details)
      throws KeyParseException, UnsupportedKeyException {
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      if (!Arrays.equals(spki.getEncoded(ASN1Encoding.DER), der)) {
        throw new KeyParseException("public key is not DER encoded");
      }
    } catch (IOException | RuntimeException e) {
      throw new KeyParseException("bytes are not a DER SubjectPublicKeyInfo", e);
    }
    if (spki.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      checkPointOnCurve(spki);
    }
    return checked(PublicKeyInfo.of(spki), details);
  }

  private static PublicKeyInfo checked(PublicKeyInfo info, KeyDetails details)
      throws UnsupportedKeyException {
    boolean typeOk;
    switch (details.family()) {
      case ECDSA:
        typeOk = info.kind() == PublicKeyInfo.Kind.EC;
        break;
      case ED25519:
        typeOk = info.kind() == PublicKeyInfo.Kind.ED25519;
        break;
      default:
        typeOk = info.kind() == PublicKeyInfo.Kind.RSA;
    }
    if (!typeOk) {
      throw new UnsupportedKeyException(
          details + " requires a different key type than the given " + info.kind() + " key");
    }
    if (info.bits() != details.keyBits()) {
      throw new UnsupportedKeyException(
          details + " requires a " + details.keyBits() + "-bit key, got " + info.bits() + " bits");
    }
    return info;
  }
}
