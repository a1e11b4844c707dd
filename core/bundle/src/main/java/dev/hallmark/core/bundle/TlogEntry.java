package dev.hallmark.core.bundle;

import dev.hallmark.core.bundle.internal.BundleReader;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code dev.sigstore.rekor.v1.TransparencyLogEntry}.
 *
 * @param logIndex the global log index (&ge; 0)
 * @param logId the log's ID (SHA-256 of its key for Rekor v1, the checkpoint key ID for Rekor v2)
 * @param kind the body's kind, e.g. {@code hashedrekord}
 * @param version the body's API version, e.g. {@code 0.0.1}
 * @param integratedTime seconds since the epoch (0 = absent, as for Rekor v2)
 * @param signedEntryTimestamp the SET of the inclusion promise, or empty
 * @param inclusionProof the inclusion proof, or null
 * @param canonicalizedBody the canonical entry body the log hashed
 */
public record TlogEntry(
    long logIndex,
    Bytes logId,
    String kind,
    String version,
    long integratedTime,
    Bytes signedEntryTimestamp,
    InclusionProof inclusionProof,
    Bytes canonicalizedBody) {
  /** Validates. @throws IllegalArgumentException naming the bad field */
  public TlogEntry {
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(signedEntryTimestamp, "signedEntryTimestamp");
    Objects.requireNonNull(canonicalizedBody, "canonicalizedBody");
    if (logIndex < 0) {
      throw new IllegalArgumentException("logIndex is negative");
    }
    if (integratedTime < 0) {
      throw new IllegalArgumentException("integratedTime is negative");
    }
    if (logId.isEmpty() || kind.isEmpty() || version.isEmpty() || canonicalizedBody.isEmpty()) {
      throw new IllegalArgumentException(
          "tlog entry lacks its logId, kindVersion or canonicalizedBody");
    }
  }

  /**
   * Parses one {@code TransparencyLogEntry} from protobuf JSON, e.g. a Rekor v2 log's answer to a
   * new entry.
   *
   * @throws BundleFormatException naming the first malformed field
   */
  public static TlogEntry parse(byte[] json) throws BundleFormatException {
    return BundleReader.readEntry(json);
  }

  /** The inclusion proof, if the entry has one. */
  public Optional<InclusionProof> proof() {
    return Optional.ofNullable(inclusionProof);
  }

  /** True if the entry carries a signed entry timestamp (inclusion promise). */
  public boolean hasPromise() {
    return !signedEntryTimestamp.isEmpty();
  }
}
