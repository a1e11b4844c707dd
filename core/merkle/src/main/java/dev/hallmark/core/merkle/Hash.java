package dev.hallmark.core.merkle;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable 32-byte SHA-256 value: a leaf hash, an interior node hash or a tree root.
 *
 * <p>Instances are compared by content. {@link #toString()} is the lowercase hex form.
 */
public final class Hash {
  /** Number of bytes in a SHA-256 hash. */
  public static final int SIZE = 32;

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException unless {@code bytes} has exactly {@value #SIZE} bytes
   * @throws NullPointerException if {@code bytes} is null
   */
  public static Hash of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "a hash has " + SIZE + " bytes, got " + bytes.length + " bytes");
    }
    return new Hash(bytes.clone());
  }

  /**
   * Parses standard (RFC 4648 §4, padded) base64 of exactly {@value #SIZE} bytes. Only the
   * canonical 44-character encoding is accepted (no missing padding, no non-zero unused bits), so
   * each hash has one text form.
   *
   * @throws IllegalArgumentException if the text is not canonical base64 of 32 bytes
   * @throws NullPointerException if {@code b64} is null
   */
  public static Hash fromBase64(String b64) {
    Objects.requireNonNull(b64, "b64");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid base64: " + e.getMessage(), e);
    }
    if (decoded.length != SIZE) {
      throw new IllegalArgumentException(
          "a hash has " + SIZE + " bytes, base64 decodes to " + decoded.length + " bytes");
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(b64)) {
      throw new IllegalArgumentException("not canonical padded base64: " + b64);
    }
    return new Hash(decoded);
  }

  /**
   * Parses {@value #SIZE} bytes written as 64 hex digits (either case).
   *
   * @throws IllegalArgumentException if the text is not 64 hex digits
   * @throws NullPointerException if {@code hex} is null
   */
  public static Hash fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 2 * SIZE) {
      throw new IllegalArgumentException(
          "a hash has " + 2 * SIZE + " hex digits, got " + hex.length() + " characters");
    }
    try {
      return new Hash(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid hex: " + e.getMessage(), e);
    }
  }

  /** Returns a fresh copy of the 32 bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * Copies the 32 bytes into {@code dst} starting at {@code offset}, without allocating.
   *
   * @throws IndexOutOfBoundsException if fewer than 32 bytes are available from {@code offset}
   */
  public void copyTo(byte[] dst, int offset) {
    System.arraycopy(bytes, 0, dst, offset, SIZE);
  }

  /** Standard padded base64, as used in checkpoints and Rekor responses. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Lowercase hex, 64 characters. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash && Arrays.equals(bytes, ((Hash) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Lowercase hex, same as {@link #hex()}. */
  @Override
  public String toString() {
    return hex();
  }
}
