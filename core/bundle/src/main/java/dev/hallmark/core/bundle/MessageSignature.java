package dev.hallmark.core.bundle;

import dev.hallmark.core.crypto.HashAlgorithm;
import java.util.Objects;

/**
 * A signature over an artifact, with the artifact's digest as the signer computed it.
 *
 * @param digestAlgorithm the digest's hash algorithm (null if the bundle has no digest)
 * @param digest the artifact digest (empty if the bundle has none)
 * @param signature the signature bytes, not empty
 */
public record MessageSignature(HashAlgorithm digestAlgorithm, Bytes digest, Bytes signature) {
  /** Validates. @throws IllegalArgumentException naming the bad field */
  public MessageSignature {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(signature, "signature");
    if (signature.isEmpty()) {
      throw new IllegalArgumentException("messageSignature.signature is empty");
    }
    if ((digestAlgorithm == null) != digest.isEmpty()) {
      throw new IllegalArgumentException("messageDigest needs both an algorithm and a digest");
    }
    if (digestAlgorithm != null && digest.size() != digestAlgorithm.length()) {
      throw new IllegalArgumentException(
          "messageDigest has "
              + digest.size()
              + " bytes, "
              + digestAlgorithm
              + " has "
              + digestAlgorithm.length());
    }
  }
}
