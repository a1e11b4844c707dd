package dev.hallmark.core.merkle;

import dev.hallmark.core.merkle.internal.NodeHasher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of a tree of {@link #end()} leaves: the roots of the complete subtrees that cover
 * [0, end), largest (leftmost) first — one per set bit of {@code end}, so at most 63. Enough to
 * compute the root and to keep appending, which is what a sequencer keeps in memory.
 *
 * <p><b>Mutable:</b> {@link #append} changes this object in place. Not thread-safe.
 */
public final class CompactRange {
  private static final int MAX_HASHES = 63;

  /** hashes[i*32 .. i*32+32) for i < count; sizes strictly decreasing. */
  private final byte[] stack = new byte[MAX_HASHES * Hash.SIZE];

  private int count;
  private long end;

  private CompactRange() {}

  /** The empty range [0, 0). */
  public static CompactRange empty() {
    return new CompactRange();
  }

  /**
   * The compact range [0, size) read from {@code source}: one subtree per set bit of {@code size}.
   *
   * @throws IllegalArgumentException if {@code size < 0}
   */
  public static CompactRange of(long size, HashSource source) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be non-negative, got " + size);
    }
    Objects.requireNonNull(source, "source");
    CompactRange range = new CompactRange();
    long begin = 0;
    for (int level = 62; level >= 0; level--) {
      long piece = 1L << level;
      if ((size & piece) != 0) {
        source.subtree(level, begin >>> level).copyTo(range.stack, range.count * Hash.SIZE);
        range.count++;
        begin += piece;
      }
    }
    range.end = size;
    return range;
  }

  /** Number of leaves covered: the range is [0, end). */
  public long end() {
    return end;
  }

  /** The subtree roots, leftmost (largest) first; an unmodifiable copy. */
  public List<Hash> hashes() {
    List<Hash> out = new ArrayList<>(count);
    byte[] one = new byte[Hash.SIZE];
    for (int i = 0; i < count; i++) {
      System.arraycopy(stack, i * Hash.SIZE, one, 0, Hash.SIZE);
      out.add(Hash.of(one));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Extends the range by one leaf (already RFC 6962 leaf-hashed), in place.
   *
   * @throws IllegalStateException if the range already covers 2<sup>63</sup>−1 leaves
   */
  public void append(Hash leafHash) {
    Objects.requireNonNull(leafHash, "leafHash");
    appendOne(leafHash, null);
  }

  /** Extends the range by the given leaves in order, in place, sharing one hasher. */
  public void appendAll(List<Hash> leafHashes) {
    NodeHasher h = NodeHasher.create();
    for (Hash leaf : leafHashes) {
      appendOne(Objects.requireNonNull(leaf, "leaf hash"), h);
    }
  }

  private void appendOne(Hash leafHash, NodeHasher hasher) {
    if (end == Long.MAX_VALUE) {
      throw new IllegalStateException("range is full");
    }
    NodeHasher h = hasher;
    // Merge the new leaf with one stacked subtree per trailing one bit of the old end.
    int top = count;
    leafHash.copyTo(stack, top * Hash.SIZE);
    for (long carries = end; (carries & 1) == 1; carries >>>= 1) {
      if (h == null) {
        h = NodeHasher.create();
      }
      byte[] slots = h.slots();
      System.arraycopy(stack, (top - 1) * Hash.SIZE, slots, NodeHasher.LEFT, Hash.SIZE);
      System.arraycopy(stack, top * Hash.SIZE, slots, NodeHasher.RIGHT, Hash.SIZE);
      top--;
      h.hashNodeInto(stack, top * Hash.SIZE);
    }
    count = top + 1;
    end++;
  }

  /** MTH(D[0:end]): the hashes folded from the right; {@link Rfc6962#emptyRoot()} when empty. */
  public Hash root() {
    if (count == 0) {
      return Rfc6962.emptyRoot();
    }
    byte[] acc = new byte[Hash.SIZE];
    System.arraycopy(stack, (count - 1) * Hash.SIZE, acc, 0, Hash.SIZE);
    if (count > 1) {
      NodeHasher h = NodeHasher.create();
      for (int i = count - 2; i >= 0; i--) {
        System.arraycopy(stack, i * Hash.SIZE, h.slots(), NodeHasher.LEFT, Hash.SIZE);
        System.arraycopy(acc, 0, h.slots(), NodeHasher.RIGHT, Hash.SIZE);
        h.hashNodeInto(acc);
      }
    }
    return Hash.of(acc);
  }

  @Override
  public String toString() {
    return "CompactRange[0, " + end + ") " + hashes();
  }
}
