package dev.hallmark.core.ct.internal;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.ct.TlsHashAlgorithm;
import dev.hallmark.core.ct.TlsSignatureAlgorithm;

/**
 * Maps a log key's {@link KeyDetails} to the TLS algorithm pair its SCTs carry. RFC 6962 §2.1.4
 * allows ECDSA and RSASSA-PKCS1-v1_5; other schemes have no defined SCT encoding here.
 */
public final class CtAlgorithms {
  private CtAlgorithms() {}

  /** The hash an SCT signed with {@code details} names. */
  public static TlsHashAlgorithm hash(KeyDetails details) throws UnsupportedKeyException {
    switch (details) {
      case PKIX_ECDSA_P256_SHA_256:
      case PKIX_RSA_PKCS1V15_2048_SHA256:
      case PKIX_RSA_PKCS1V15_3072_SHA256:
      case PKIX_RSA_PKCS1V15_4096_SHA256:
        return TlsHashAlgorithm.SHA256;
      case PKIX_ECDSA_P384_SHA_384:
        return TlsHashAlgorithm.SHA384;
      case PKIX_ECDSA_P521_SHA_512:
        return TlsHashAlgorithm.SHA512;
      default:
        throw unsupported(details);
    }
  }

  /** The signature algorithm an SCT signed with {@code details} names. */
  public static TlsSignatureAlgorithm signature(KeyDetails details) throws UnsupportedKeyException {
    hash(details);
    return details.isEcdsa() ? TlsSignatureAlgorithm.ECDSA : TlsSignatureAlgorithm.RSA;
  }

  private static UnsupportedKeyException unsupported(KeyDetails details) {
    return new UnsupportedKeyException(
        "CT logs sign with ECDSA or RSA PKCS#1 v1.5 (RFC 6962 §2.1.4), not " + details);
  }
}
