package dev.hallmark.core.merkle;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A consistent Merkle tree of up to 2^63-1 leaves that can be evaluated without touching most of
 * them: every leaf is the same default leaf except a few "special" ones, whose leaf hash depends on
 * their index. A complete subtree without special leaves has a closed form (the default subtree of
 * its level); one with special leaves is computed recursively and memoized. Hashing uses {@link
 * ReferenceMerkle}, not the production code.
 *
 * <p>Throws IllegalArgumentException when asked for a subtree that is not complete within {@code
 * size}, which catches proof builders that read past the tree.
 */
final class SparseTree implements HashSource {
  private final long size;
  private final NavigableSet<Long> special = new TreeSet<>();
  private final byte[][] defaults = new byte[63][];
  private final Map<Node, byte[]> memo = new HashMap<>();

  private record Node(int level, long index) {}

  SparseTree(long size, long... specialLeaves) {
    this.size = size;
    for (long s : specialLeaves) {
      if (s >= 0 && s < size) {
        special.add(s);
      }
    }
    defaults[0] = ReferenceMerkle.leaf("default".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (int l = 1; l < 63; l++) {
      defaults[l] = ReferenceMerkle.node(defaults[l - 1], defaults[l - 1]);
    }
  }

  long size() {
    return size;
  }

  /** The leaf hash at {@code index}. */
  Hash leaf(long index) {
    return subtree(0, index);
  }

  @Override
  public Hash subtree(int level, long index) {
    if (level < 0 || level > 62 || index < 0 || index >= (size >>> level)) {
      throw new IllegalArgumentException(
          "subtree (" + level + ", " + index + ") is not complete in a tree of size " + size);
    }
    return Hash.of(raw(level, index));
  }

  private byte[] raw(int level, long index) {
    long first = index << level;
    long last = first + ((1L << level) - 1);
    Long s = special.ceiling(first);
    if (s == null || s > last) {
      return defaults[level];
    }
    if (level == 0) {
      return ReferenceMerkle.leaf(ByteBuffer.allocate(8).putLong(index).array());
    }
    Node key = new Node(level, index);
    byte[] h = memo.get(key);
    if (h == null) {
      h = ReferenceMerkle.node(raw(level - 1, 2 * index), raw(level - 1, 2 * index + 1));
      memo.put(key, h);
    }
    return h;
  }
}
