package dev.hallmark.core.ct;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A CT log a verifier trusts, as listed in a trusted root's {@code ctlogs}. The log ID is taken as
 * given (a trusted root may list a log whose ID is not the SHA-256 of the key it lists; SCTs are
 * matched by ID and then must verify under the key).
 *
 * @param publicKey the log's DER SubjectPublicKeyInfo
 * @param keyDetails the signature scheme of the key
 * @param logId the 32-byte log ID SCTs name
 * @param validFrom start of the key's validity (inclusive)
 * @param validTo end of the key's validity (inclusive), or null if open-ended
 */
public record TrustedCtLog(
    byte[] publicKey, KeyDetails keyDetails, byte[] logId, Instant validFrom, Instant validTo) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if the key is empty, the ID is not 32 bytes or the window is
   *     inverted
   */
  public TrustedCtLog {
    Objects.requireNonNull(keyDetails, "keyDetails");
    Objects.requireNonNull(validFrom, "validFrom");
    if (Objects.requireNonNull(publicKey, "publicKey").length == 0) {
      throw new IllegalArgumentException("CT log public key is empty");
    }
    if (Objects.requireNonNull(logId, "logId").length != 32) {
      throw new IllegalArgumentException("CT log ID has " + logId.length + " bytes, expected 32");
    }
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "CT log validity ends (" + validTo + ") before it starts (" + validFrom + ")");
    }
    publicKey = publicKey.clone();
    logId = logId.clone();
  }

  /** A log whose ID is the SHA-256 of {@code publicKey}, as RFC 6962 defines it. */
  public static TrustedCtLog of(
      byte[] publicKey, KeyDetails keyDetails, Instant validFrom, Instant validTo) {
    return new TrustedCtLog(
        publicKey, keyDetails, HashAlgorithm.SHA2_256.digest(publicKey), validFrom, validTo);
  }

  /** Returns a copy of the DER public key. */
  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Returns a copy of the log ID. */
  @Override
  public byte[] logId() {
    return logId.clone();
  }

  /** True if this log has ID {@code id}. */
  public boolean hasLogId(byte[] id) {
    return Arrays.equals(logId, id);
  }

  /** True if {@code time} lies in the closed interval [validFrom, validTo]. */
  public boolean isValidAt(Instant time) {
    return !time.isBefore(validFrom) && (validTo == null || !time.isAfter(validTo));
  }

  /** The log ID in base64, as trusted roots show it. */
  public String logIdBase64() {
    return Base64.getEncoder().encodeToString(logId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrustedCtLog
        && Arrays.equals(publicKey, ((TrustedCtLog) o).publicKey)
        && keyDetails == ((TrustedCtLog) o).keyDetails
        && Arrays.equals(logId, ((TrustedCtLog) o).logId)
        && validFrom.equals(((TrustedCtLog) o).validFrom)
        && Objects.equals(validTo, ((TrustedCtLog) o).validTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(publicKey), keyDetails, Arrays.hashCode(logId), validFrom);
  }

  @Override
  public String toString() {
    return "TrustedCtLog{"
        + logIdBase64()
        + ", "
        + keyDetails
        + ", "
        + validFrom
        + ".."
        + validTo
        + "}";
  }
}
