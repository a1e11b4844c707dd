package dev.hallmark.core.ct.internal;

import java.io.ByteArrayOutputStream;

/** Writes TLS presentation-language values; lengths are checked by the callers' records. */
public final class TlsWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Writes the low {@code bytes} bytes of {@code value}, big-endian. */
  public TlsWriter uint(long value, int bytes) {
    for (int i = bytes - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  /** Writes {@code b} as is. */
  public TlsWriter raw(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  /** Writes a length prefix of {@code lengthBytes} bytes, then {@code b}. */
  public TlsWriter opaque(byte[] b, int lengthBytes) {
    if (b.length >= 1L << (8 * lengthBytes)) {
      throw new IllegalArgumentException(
          b.length + " bytes do not fit a " + (8 * lengthBytes) + "-bit length");
    }
    return uint(b.length, lengthBytes).raw(b);
  }

  /** Returns the bytes written so far. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
