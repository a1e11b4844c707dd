package dev.hallmark.core.ct;

import dev.hallmark.core.ct.internal.TlsWriter;
import java.util.Objects;

/**
 * The bytes a CT log signs for an SCT (RFC 6962 §3.2, the {@code digitally-signed struct}):
 *
 * <pre>
 * version v1(0) | signature_type certificate_timestamp(0) | uint64 timestamp |
 * uint16 entry_type | signed_entry | extensions&lt;0..2^16-1&gt;
 * </pre>
 *
 * where {@code signed_entry} is {@code uint24 cert} for an {@link X509Entry} and {@code
 * issuer_key_hash[32] | uint24 tbs} for a {@link PrecertEntry}.
 */
public final class SignedData {
  private SignedData() {}

  /** {@code signature_type certificate_timestamp(0)}. */
  public static final int CERTIFICATE_TIMESTAMP = 0;

  /**
   * Returns the signature input of an SCT for {@code entry}.
   *
   * @param timestamp the SCT timestamp in milliseconds, non-negative
   * @param entry what is logged
   * @param extensions the SCT extensions, at most 65535 bytes
   * @throws IllegalArgumentException if the timestamp is negative or the extensions too long
   */
  public static byte[] certificateTimestamp(long timestamp, LogEntry entry, byte[] extensions) {
    return timestampedEntry(CERTIFICATE_TIMESTAMP, timestamp, entry, extensions);
  }

  /** The input for the SCT of a precertificate, given the TBS with the poison removed. */
  public static byte[] precertificate(
      long timestamp, byte[] issuerKeyHash, byte[] tbsWithoutPoison, byte[] extensions) {
    return certificateTimestamp(
        timestamp, new PrecertEntry(issuerKeyHash, tbsWithoutPoison), extensions);
  }

  /** The input for the SCT of a final certificate (DER). */
  public static byte[] x509(long timestamp, byte[] certificate, byte[] extensions) {
    return certificateTimestamp(timestamp, new X509Entry(certificate), extensions);
  }

  /**
   * Version 0, one type byte, then the common {@code timestamp | entry_type | signed_entry |
   * extensions} layout shared with the Merkle tree leaf's {@code TimestampedEntry}.
   */
  static byte[] timestampedEntry(int typeByte, long timestamp, LogEntry entry, byte[] extensions) {
    Objects.requireNonNull(entry, "entry");
    if (timestamp < 0) {
      throw new IllegalArgumentException("negative timestamp " + timestamp);
    }
    return new TlsWriter()
        .uint(0, 1)
        .uint(typeByte, 1)
        .uint(timestamp, 8)
        .uint(entry.entryType(), 2)
        .raw(entry.encodeSignedEntry())
        .opaque(Objects.requireNonNull(extensions, "extensions"), 2)
        .toByteArray();
  }
}
