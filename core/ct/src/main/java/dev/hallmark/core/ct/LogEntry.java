package dev.hallmark.core.ct;

/**
 * What a CT log entry logs (RFC 6962 §3.1 {@code LogEntryType}): a final X.509 certificate or a
 * precertificate TBS. Its TLS encoding is the {@code signed_entry} of both the SCT signature input
 * ({@link SignedData}) and the {@link MerkleTreeLeaf}.
 */
public sealed interface LogEntry permits X509Entry, PrecertEntry {
  /** The largest certificate or TBS an entry can carry (uint24 length). */
  int MAX_LENGTH = (1 << 24) - 1;

  /** {@code x509_entry(0)} or {@code precert_entry(1)}. */
  int entryType();

  /** The TLS encoding of the {@code signed_entry} for this entry type. */
  byte[] encodeSignedEntry();
}
