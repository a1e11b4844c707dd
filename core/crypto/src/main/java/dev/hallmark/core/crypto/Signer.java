package dev.hallmark.core.crypto;

import java.security.PublicKey;

/**
 * Signs with one private key under one {@link KeyDetails} scheme. Signatures verify with {@link
 * Verifiers#create}{@code (publicKey(), details())}. Instances are thread-safe. ECDSA signatures
 * are DER and deterministic (RFC 6979); Ed25519 is deterministic by design.
 */
public interface Signer {
  /** The scheme this signer uses. */
  KeyDetails details();

  /** The public half of the signing key. */
  PublicKey publicKey();

  /** Signs {@code message} (hashing it first where the scheme requires). */
  byte[] sign(byte[] message);

  /**
   * Signs a precomputed digest of {@code details().hashAlgorithm()}.
   *
   * @throws IllegalArgumentException if the digest has the wrong length
   * @throws UnsupportedOperationException for pure Ed25519
   */
  byte[] signDigest(byte[] digest);
}
