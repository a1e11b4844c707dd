package dev.hallmark.core.ct;

import dev.hallmark.core.ct.internal.TlsWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * An {@code x509_entry}: a final certificate, DER, logged as is.
 *
 * @param certificate the DER certificate, 1 to 2^24-1 bytes
 */
public record X509Entry(byte[] certificate) implements LogEntry {
  /** The {@code LogEntryType} code, 0. */
  public static final int TYPE = 0;

  /**
   * Validates and copies the certificate bytes.
   *
   * @throws IllegalArgumentException if empty or longer than 2^24-1 bytes
   */
  public X509Entry {
    if (Objects.requireNonNull(certificate, "certificate").length == 0
        || certificate.length > MAX_LENGTH) {
      throw new IllegalArgumentException("certificate must have 1 to 2^24-1 bytes");
    }
    certificate = certificate.clone();
  }

  /** Returns a copy of the certificate DER. */
  @Override
  public byte[] certificate() {
    return certificate.clone();
  }

  @Override
  public int entryType() {
    return TYPE;
  }

  @Override
  public byte[] encodeSignedEntry() {
    return new TlsWriter().opaque(certificate, 3).toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof X509Entry && Arrays.equals(certificate, ((X509Entry) o).certificate);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(certificate);
  }

  @Override
  public String toString() {
    return "X509Entry{" + certificate.length + " bytes}";
  }
}
