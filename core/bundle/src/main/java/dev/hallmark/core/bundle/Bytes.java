package dev.hallmark.core.bundle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/** An immutable byte string (the protobuf {@code bytes} type). */
public final class Bytes {
  private static final Bytes EMPTY = new Bytes(new byte[0]);
  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** The empty byte string. */
  public static Bytes empty() {
    return EMPTY;
  }

  /** Returns a copy of the bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** True if there are no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** True if this byte string equals {@code other} (constant time in the length). */
  public boolean equalsArray(byte[] other) {
    return MessageDigest.isEqual(bytes, Objects.requireNonNull(other, "other"));
  }

  /** Standard padded base64, as protobuf JSON writes bytes. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Lowercase hex. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes && Arrays.equals(bytes, ((Bytes) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bytes.length <= 32 ? hex() : hex().substring(0, 64) + "...(" + bytes.length + " bytes)";
  }
}
