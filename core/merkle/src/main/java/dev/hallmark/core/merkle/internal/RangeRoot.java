package dev.hallmark.core.merkle.internal;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.HashSource;

/**
 * MTH(D[begin:end]) for a range whose start is aligned to the largest power of two not above its
 * length — every range that occurs in the RFC 6962 recursion (the whole tree [0, n) and every
 * right-hand part [k, n) of a split). Such a range is the concatenation of complete subtrees of
 * strictly decreasing size, one per set bit of {@code end - begin}; its root folds them from the
 * right: h = last; for each earlier piece p: h = H(0x01 ‖ p ‖ h).
 */
public final class RangeRoot {
  private RangeRoot() {}

  /**
   * Root of [begin, end). Requires {@code 0 <= begin < end} and {@code begin} aligned as described
   * above. A complete range costs one source read and no hashing; otherwise {@code hasher} (created
   * on first use when null is passed through {@link Lazy}) folds the pieces.
   */
  public static Hash of(HashSource source, long begin, long end, Lazy hasher) {
    long length = end - begin;
    if (Long.bitCount(length) == 1) {
      int level = Long.numberOfTrailingZeros(length);
      return source.subtree(level, begin >>> level);
    }
    // Pieces from the right (smallest) to the left (largest), so that the fold needs no stack.
    byte[] acc = new byte[Hash.SIZE];
    long pieceEnd = end;
    long remaining = length;
    boolean first = true;
    NodeHasher h = hasher.get();
    while (remaining != 0) {
      long piece = Long.lowestOneBit(remaining);
      int level = Long.numberOfTrailingZeros(piece);
      long pieceBegin = pieceEnd - piece;
      Hash p = source.subtree(level, pieceBegin >>> level);
      if (first) {
        p.copyTo(acc, 0);
        first = false;
      } else {
        h.prependLeft(p, acc);
      }
      remaining -= piece;
      pieceEnd = pieceBegin;
    }
    return Hash.of(acc);
  }

  /** A {@link NodeHasher} created on first use, so complete-subtree lookups never hash. */
  public static final class Lazy {
    private NodeHasher hasher;

    /** The hasher, created on the first call. */
    public NodeHasher get() {
      if (hasher == null) {
        hasher = NodeHasher.create();
      }
      return hasher;
    }
  }
}
