package dev.hallmark.core.crypto;

/**
 * Verifies signatures made by one public key under one {@link KeyDetails} scheme. Instances are
 * immutable and thread-safe; create one per key with {@link Verifiers#create} and reuse it.
 */
public interface SignatureVerifier {
  /** The scheme this verifier checks. */
  KeyDetails details();

  /**
   * Verifies a signature over the message itself. ECDSA signatures must be ASN.1 DER {@code (r, s)}
   * with 1 &le; r, s &lt; n; Ed25519 signatures are 64 bytes; RSA signatures have the modulus
   * length.
   *
   * @throws SignatureCheckException if the signature is malformed or does not verify; the message
   *     says which
   */
  void verify(byte[] message, byte[] signature) throws SignatureCheckException;

  /**
   * Verifies a signature whose message is known only by its digest (hashedrekord): ECDSA over the
   * digest, RSA with the DigestInfo for the digest, Ed25519ph over the SHA-512 digest (RFC 8032,
   * empty context).
   *
   * @throws SignatureCheckException if the digest length differs from {@code
   *     details().hashAlgorithm().length()}, if the scheme is pure Ed25519 (which cannot be
   *     verified from a digest), or if the signature is malformed or does not verify
   */
  void verifyDigest(byte[] digest, byte[] signature) throws SignatureCheckException;
}
