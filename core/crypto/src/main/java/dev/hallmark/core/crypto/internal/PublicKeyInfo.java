package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * A public key classified by its DER SubjectPublicKeyInfo and converted once into BouncyCastle
 * lightweight parameters.
 *
 * @param kind the key family
 * @param bits curve size (EC), modulus size rounded up to whole bytes (RSA), 255 (Ed25519)
 * @param params the BouncyCastle parameters used by the verifiers and signers
 */
public record PublicKeyInfo(Kind kind, int bits, AsymmetricKeyParameter params) {

  /** Key families. */
  public enum Kind {
    EC,
    RSA,
    ED25519
  }

  /**
   * Classifies {@code key} and converts it. Only the three NIST curves (named, not explicit
   * parameters), RSA with an odd exponent greater than 1, and Ed25519 are accepted.
   *
   * @throws UnsupportedKeyException for any other key type, curve or encoding
   */
  public static PublicKeyInfo of(PublicKey key) throws UnsupportedKeyException {
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new UnsupportedKeyException(
          "public key " + key.getAlgorithm() + " has no X.509 (SPKI) encoding");
    }
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(encoded);
    } catch (RuntimeException e) {
      throw new UnsupportedKeyException("public key encoding is not a SubjectPublicKeyInfo", e);
    }
    return of(spki);
  }

  /** Classifies an already parsed SubjectPublicKeyInfo; see {@link #of(PublicKey)}. */
  public static PublicKeyInfo of(SubjectPublicKeyInfo spki) throws UnsupportedKeyException {
    ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
    byte[] keyBytes = spki.getPublicKeyData().getOctets();
    try {
      if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        ASN1Encodable p = spki.getAlgorithm().getParameters();
        if (!(p instanceof ASN1ObjectIdentifier)) {
          throw new UnsupportedKeyException(
              "EC keys must name their curve (no explicit parameters)");
        }
        EcCurves curve = EcCurves.byOid((ASN1ObjectIdentifier) p);
        if (curve == null) {
          throw new UnsupportedKeyException(
              "unsupported EC curve " + p + "; supported: P-256, P-384, P-521");
        }
        ECPublicKeyParameters q =
            new ECPublicKeyParameters(
                curve.domain().getCurve().decodePoint(keyBytes), curve.domain());
        return new PublicKeyInfo(Kind.EC, curve.bits(), q);
      }
      if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        RSAPublicKey rsa = RSAPublicKey.getInstance(spki.parsePublicKey());
        BigInteger n = rsa.getModulus();
        BigInteger e = rsa.getPublicExponent();
        if (n.signum() <= 0 || !n.testBit(0)) {
          throw new UnsupportedKeyException("RSA modulus is not a positive odd number");
        }
        if (e.compareTo(BigInteger.ONE) <= 0 || !e.testBit(0) || e.bitLength() > 32) {
          throw new UnsupportedKeyException("unsupported RSA public exponent " + e);
        }
        int bits = (n.bitLength() + 7) / 8 * 8;
        return new PublicKeyInfo(Kind.RSA, bits, new RSAKeyParameters(false, n, e));
      }
      if (alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
        if (spki.getAlgorithm().getParameters() != null
            || keyBytes.length != Ed25519PublicKeyParameters.KEY_SIZE) {
          throw new UnsupportedKeyException("malformed Ed25519 public key");
        }
        return new PublicKeyInfo(Kind.ED25519, 255, new Ed25519PublicKeyParameters(keyBytes));
      }
    } catch (IOException | RuntimeException e) {
      throw new UnsupportedKeyException("malformed " + alg + " public key: " + e.getMessage(), e);
    }
    throw new UnsupportedKeyException(
        "unsupported public key algorithm " + alg + "; supported: EC, RSA, Ed25519");
  }
}
