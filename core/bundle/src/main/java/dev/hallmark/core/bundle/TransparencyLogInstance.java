package dev.hallmark.core.bundle;

import java.util.Objects;

/**
 * A transparency log or CT log listed in a trusted root.
 *
 * @param baseUrl the log's base URL (its host names the checkpoint signer)
 * @param hashAlgorithm the log's tree hash, as named in the trusted root
 * @param publicKey the log's key (DER SPKI), scheme and validity; the validity has a start
 * @param logId the log ID entries or SCTs name
 * @param checkpointKeyId the checkpoint key ID (trusted root v0.2), or empty
 */
public record TransparencyLogInstance(
    String baseUrl, String hashAlgorithm, PublicKey publicKey, Bytes logId, Bytes checkpointKeyId) {

  /**
   * A public key with its scheme and validity.
   *
   * @param rawBytes DER SubjectPublicKeyInfo
   * @param keyDetails the {@code PublicKeyDetails} name, as given (possibly one this verifier does
   *     not support, which then never matches)
   * @param validFor when the key may be used
   */
  public record PublicKey(Bytes rawBytes, String keyDetails, ValidityPeriod validFor) {
    /** Validates. @throws IllegalArgumentException if a part is missing */
    public PublicKey {
      Objects.requireNonNull(keyDetails, "keyDetails");
      Objects.requireNonNull(validFor, "validFor");
      if (Objects.requireNonNull(rawBytes, "rawBytes").isEmpty()) {
        throw new IllegalArgumentException("public key is empty");
      }
    }
  }

  /** Validates. @throws IllegalArgumentException if a part is missing */
  public TransparencyLogInstance {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(checkpointKeyId, "checkpointKeyId");
    if (Objects.requireNonNull(logId, "logId").isEmpty()) {
      throw new IllegalArgumentException("log ID is empty");
    }
  }
}
