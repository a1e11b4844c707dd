package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.issuance.RequestRejectedException;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The public keys a leaf certificate may certify (spec §2.2, Fulcio's key checks). */
public final class SubjectKeyCheck {
  private static final BigInteger F4 = BigInteger.valueOf(65537);

  private SubjectKeyCheck() {}

  /**
   * Accepts ECDSA on P-256, P-384 and P-521, RSA with a 2048-, 3072- or 4096-bit modulus and
   * exponent 65537, and Ed25519; returns the key's SubjectPublicKeyInfo.
   *
   * @throws RequestRejectedException naming the key type, curve, size or exponent otherwise
   */
  public static SubjectPublicKeyInfo check(PublicKey key) throws RequestRejectedException {
    if (key == null) {
      throw new RequestRejectedException("no public key given");
    }
    KeyDetails details;
    try {
      details = PublicKeys.defaultDetails(key);
    } catch (UnsupportedKeyException e) {
      throw new RequestRejectedException("unsupported public key: " + e.getMessage(), e);
    }
    if (details.isRsa()) {
      if (!(key instanceof RSAPublicKey)) {
        throw new RequestRejectedException("RSA public key of unknown form " + key.getClass());
      }
      BigInteger e = ((RSAPublicKey) key).getPublicExponent();
      if (!F4.equals(e)) {
        throw new RequestRejectedException(
            "unsupported RSA public exponent " + e + "; only 65537 is accepted");
      }
    }
    try {
      return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    } catch (RuntimeException e) {
      throw new RequestRejectedException("public key has no valid SubjectPublicKeyInfo", e);
    }
  }
}
