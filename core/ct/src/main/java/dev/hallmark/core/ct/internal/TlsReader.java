package dev.hallmark.core.ct.internal;

import dev.hallmark.core.ct.CtFormatException;
import java.util.Arrays;

/**
 * Reads TLS presentation-language values (RFC 8446 §3) from a byte array, checking every length
 * against the bytes that remain. Not thread-safe; one instance per decode.
 */
public final class TlsReader {
  private final byte[] data;
  private final String what;
  private int pos;

  /** Reads {@code data}, naming it {@code what} in error messages (e.g. "SCT"). */
  public TlsReader(byte[] data, String what) {
    this.data = data;
    this.what = what;
  }

  /** Returns the number of unread bytes. */
  public int remaining() {
    return data.length - pos;
  }

  /** Reads an unsigned 8-bit integer. */
  public int u8(String field) throws CtFormatException {
    return (int) uint(1, field);
  }

  /** Reads an unsigned 16-bit integer. */
  public int u16(String field) throws CtFormatException {
    return (int) uint(2, field);
  }

  /** Reads an unsigned 24-bit integer. */
  public int u24(String field) throws CtFormatException {
    return (int) uint(3, field);
  }

  /** Reads an unsigned 64-bit integer that must fit a non-negative {@code long}. */
  public long u64(String field) throws CtFormatException {
    long v = uint(8, field);
    if (v < 0) {
      throw new CtFormatException(what + ": " + field + " exceeds 2^63-1");
    }
    return v;
  }

  /** Reads exactly {@code n} bytes. */
  public byte[] fixed(int n, String field) throws CtFormatException {
    need(n, field);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** Reads a {@code opaque field<min..2^16-1>} (uint16 length prefix). */
  public byte[] opaque16(int min, String field) throws CtFormatException {
    return opaque(u16(field + " length"), min, field);
  }

  /** Reads a {@code opaque field<min..2^24-1>} (uint24 length prefix). */
  public byte[] opaque24(int min, String field) throws CtFormatException {
    return opaque(u24(field + " length"), min, field);
  }

  /** Fails unless every byte has been read. */
  public void finish() throws CtFormatException {
    if (pos != data.length) {
      throw new CtFormatException(what + ": " + (data.length - pos) + " trailing bytes");
    }
  }

  private byte[] opaque(int len, int min, String field) throws CtFormatException {
    if (len < min) {
      throw new CtFormatException(
          what + ": " + field + " has " + len + " bytes, at least " + min + " required");
    }
    return fixed(len, field);
  }

  private long uint(int n, String field) throws CtFormatException {
    need(n, field);
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (data[pos++] & 0xff);
    }
    return v;
  }

  private void need(int n, String field) throws CtFormatException {
    if (n > data.length - pos) {
      throw new CtFormatException(
          what
              + ": truncated at "
              + field
              + " (needs "
              + n
              + " bytes, "
              + (data.length - pos)
              + " left)");
    }
  }
}
