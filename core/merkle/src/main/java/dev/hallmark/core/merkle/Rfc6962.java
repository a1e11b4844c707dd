package dev.hallmark.core.merkle;

import dev.hallmark.core.merkle.internal.NodeHasher;
import java.util.Objects;

/**
 * RFC 6962 §2.1 (RFC 9162 §2.1) hashing with SHA-256. Pure static functions; each call uses its own
 * {@link java.security.MessageDigest}, so they are thread-safe.
 *
 * <pre>
 * MTH({})       = SHA-256("")
 * MTH({d0})     = SHA-256(0x00 ‖ d0)
 * MTH(D[0:n])   = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]))   k = largest power of two &lt; n
 * </pre>
 */
public final class Rfc6962 {
  private static final Hash EMPTY_ROOT =
      Hash.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  private Rfc6962() {}

  /** Root of the empty tree: SHA-256 of the empty string. */
  public static Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  /**
   * Leaf hash: SHA-256(0x00 ‖ entry).
   *
   * @throws NullPointerException if {@code entry} is null
   */
  public static Hash leafHash(byte[] entry) {
    Objects.requireNonNull(entry, "entry");
    byte[] out = new byte[Hash.SIZE];
    NodeHasher.create().leafInto(entry, out);
    return Hash.of(out);
  }

  /**
   * Interior node hash: SHA-256(0x01 ‖ left ‖ right).
   *
   * @throws NullPointerException if either child is null
   */
  public static Hash nodeHash(Hash left, Hash right) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    NodeHasher h = NodeHasher.create();
    left.copyTo(h.slots(), NodeHasher.LEFT);
    right.copyTo(h.slots(), NodeHasher.RIGHT);
    byte[] out = new byte[Hash.SIZE];
    h.hashNodeInto(out);
    return Hash.of(out);
  }

  /**
   * The split point k of RFC 6962: the largest power of two strictly less than {@code n}.
   *
   * @throws IllegalArgumentException if {@code n < 2}
   */
  public static long largestPowerOfTwoBelow(long n) {
    if (n < 2) {
      throw new IllegalArgumentException("n must be at least 2, got " + n);
    }
    return Long.highestOneBit(n - 1);
  }
}
