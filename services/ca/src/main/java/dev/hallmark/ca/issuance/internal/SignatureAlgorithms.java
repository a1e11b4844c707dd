package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.issuance.CaKeyException;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.security.PublicKey;

/** Chooses the certificate signature algorithm for a CA key, as Fulcio does. */
public final class SignatureAlgorithms {
  private SignatureAlgorithms() {}

  /**
   * ECDSA with the curve's hash (P-256/SHA-256, P-384/SHA-384, P-521/SHA-512), SHA256withRSA for
   * 2048/3072/4096-bit RSA, pure Ed25519.
   *
   * @throws CaKeyException for any other key
   */
  public static String forCaKey(PublicKey key, String description) throws CaKeyException {
    KeyDetails details;
    try {
      details = PublicKeys.defaultDetails(key);
    } catch (UnsupportedKeyException e) {
      throw new CaKeyException(
          "CA key " + description + " is not usable for signing certificates: " + e.getMessage(),
          e);
    }
    switch (details) {
      case PKIX_ECDSA_P256_SHA_256:
        return "SHA256withECDSA";
      case PKIX_ECDSA_P384_SHA_384:
        return "SHA384withECDSA";
      case PKIX_ECDSA_P521_SHA_512:
        return "SHA512withECDSA";
      case PKIX_ED25519:
        return "Ed25519";
      default:
        return "SHA256withRSA";
    }
  }
}
