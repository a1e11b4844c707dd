package dev.hallmark.core.crypto;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The supported key types and signature schemes, named as in Sigstore's {@code PublicKeyDetails}
 * protobuf enum. Each value fixes the key family, the curve or modulus size, and the hash.
 */
public enum KeyDetails {
  PKIX_ECDSA_P256_SHA_256(Family.ECDSA, 256, HashAlgorithm.SHA2_256),
  PKIX_ECDSA_P384_SHA_384(Family.ECDSA, 384, HashAlgorithm.SHA2_384),
  PKIX_ECDSA_P521_SHA_512(Family.ECDSA, 521, HashAlgorithm.SHA2_512),
  PKIX_ED25519(Family.ED25519, 255, HashAlgorithm.SHA2_512),
  PKIX_ED25519_PH(Family.ED25519, 255, HashAlgorithm.SHA2_512),
  PKIX_RSA_PKCS1V15_2048_SHA256(Family.RSA_PKCS1V15, 2048, HashAlgorithm.SHA2_256),
  PKIX_RSA_PKCS1V15_3072_SHA256(Family.RSA_PKCS1V15, 3072, HashAlgorithm.SHA2_256),
  PKIX_RSA_PKCS1V15_4096_SHA256(Family.RSA_PKCS1V15, 4096, HashAlgorithm.SHA2_256),
  PKIX_RSA_PSS_2048_SHA256(Family.RSA_PSS, 2048, HashAlgorithm.SHA2_256),
  PKIX_RSA_PSS_3072_SHA256(Family.RSA_PSS, 3072, HashAlgorithm.SHA2_256),
  PKIX_RSA_PSS_4096_SHA256(Family.RSA_PSS, 4096, HashAlgorithm.SHA2_256);

  /** Signature scheme family. */
  enum Family {
    ECDSA,
    ED25519,
    RSA_PKCS1V15,
    RSA_PSS
  }

  private final Family family;
  private final int keyBits;
  private final HashAlgorithm hashAlgorithm;

  KeyDetails(Family family, int keyBits, HashAlgorithm hashAlgorithm) {
    this.family = family;
    this.keyBits = keyBits;
    this.hashAlgorithm = hashAlgorithm;
  }

  /**
   * Returns the hash the scheme uses: the ECDSA hash for EC keys, SHA-256 for RSA, and SHA-512 for
   * Ed25519 (the hash inside the pure scheme, and the prehash of Ed25519ph).
   */
  public HashAlgorithm hashAlgorithm() {
    return hashAlgorithm;
  }

  /** Returns true for the RSA schemes. */
  public boolean isRsa() {
    return family == Family.RSA_PKCS1V15 || family == Family.RSA_PSS;
  }

  /** Returns true for the ECDSA schemes. */
  public boolean isEcdsa() {
    return family == Family.ECDSA;
  }

  /** Returns true for {@link #PKIX_ED25519} and {@link #PKIX_ED25519_PH}. */
  public boolean isEd25519() {
    return family == Family.ED25519;
  }

  Family family() {
    return family;
  }

  /** Curve size (EC), modulus size (RSA) or 255 (Ed25519). */
  int keyBits() {
    return keyBits;
  }

  /**
   * Parses a {@code PublicKeyDetails} name such as {@code "PKIX_ECDSA_P256_SHA_256"}.
   *
   * @throws UnsupportedKeyException if the name is unknown, deprecated (e.g. {@code
   *     PKCS1_RSA_PKCS1V15}, {@code PKIX_ECDSA_P256_HMAC_SHA_256}) or not supported here (e.g.
   *     {@code ML_DSA_65}); the message lists the supported names
   */
  public static KeyDetails parse(String name) throws UnsupportedKeyException {
    if (name != null) {
      for (KeyDetails d : values()) {
        if (d.name().equals(name)) {
          return d;
        }
      }
    }
    String supported = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    String shown = name == null ? "null" : "\"" + abbreviate(name) + "\"";
    throw new UnsupportedKeyException(
        "unsupported key details " + shown + "; supported: " + supported);
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
