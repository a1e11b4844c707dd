package dev.hallmark.core.merkle.internal;

import dev.hallmark.core.merkle.Hash;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;

/**
 * RFC 6962 hashing with one {@link MessageDigest} and one scratch buffer, so that hot loops do not
 * allocate. Not thread-safe: create one per top-level operation (or per owning object that is
 * itself not thread-safe).
 *
 * <p>Interior node: write the left child at {@link #LEFT} and the right child at {@link #RIGHT} of
 * {@link #slots()}, then call {@link #hashNodeInto(byte[])}. The helpers below do exactly that.
 */
public final class NodeHasher {
  /** Offset of the left child in {@link #slots()}. */
  public static final int LEFT = 1;

  /** Offset of the right child in {@link #slots()}. */
  public static final int RIGHT = 1 + Hash.SIZE;

  private static final byte NODE_PREFIX = 0x01;
  private static final byte LEAF_PREFIX = 0x00;

  private final MessageDigest digest;
  private final byte[] slots = new byte[1 + 2 * Hash.SIZE];

  private NodeHasher(MessageDigest digest) {
    this.digest = digest;
    slots[0] = NODE_PREFIX;
  }

  /** A fresh hasher backed by the SUN provider's SHA-256. */
  public static NodeHasher create() {
    return new NodeHasher(newSha256());
  }

  /**
   * A new SHA-256 digest from the SUN provider (never a provider inserted ahead of it, which may be
   * several times slower).
   */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256", "SUN");
    } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
      throw new IllegalStateException("SHA-256 from the SUN provider is not available", e);
    }
  }

  /** The 65-byte node buffer: 0x01, then the left child, then the right child. */
  public byte[] slots() {
    return slots;
  }

  /** out[0..32) = SHA-256(slots), i.e. the node hash of the two children in the slots. */
  public void hashNodeInto(byte[] out) {
    hashNodeInto(out, 0);
  }

  /** out[offset..offset+32) = SHA-256(slots). */
  public void hashNodeInto(byte[] out, int offset) {
    digest.update(slots, 0, slots.length);
    finish(out, offset);
  }

  /** acc = H(0x01 ‖ left ‖ acc). */
  public void prependLeft(Hash left, byte[] acc) {
    left.copyTo(slots, LEFT);
    System.arraycopy(acc, 0, slots, RIGHT, Hash.SIZE);
    hashNodeInto(acc);
  }

  /** acc = H(0x01 ‖ acc ‖ right). */
  public void appendRight(byte[] acc, Hash right) {
    System.arraycopy(acc, 0, slots, LEFT, Hash.SIZE);
    right.copyTo(slots, RIGHT);
    hashNodeInto(acc);
  }

  /** out = H(0x01 ‖ left ‖ right); {@code out} may be {@code left} or {@code right}. */
  public void node(byte[] left, byte[] right, byte[] out) {
    System.arraycopy(left, 0, slots, LEFT, Hash.SIZE);
    System.arraycopy(right, 0, slots, RIGHT, Hash.SIZE);
    hashNodeInto(out);
  }

  /** out[0..32) = SHA-256(0x00 ‖ entry). */
  public void leafInto(byte[] entry, byte[] out) {
    digest.update(LEAF_PREFIX);
    digest.update(entry);
    finish(out, 0);
  }

  private void finish(byte[] out, int offset) {
    try {
      digest.digest(out, offset, Hash.SIZE);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 output buffer too small", e);
    }
  }
}
