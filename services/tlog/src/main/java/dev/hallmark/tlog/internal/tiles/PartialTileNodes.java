package dev.hallmark.tlog.internal.tiles;

import dev.hallmark.core.merkle.Hash;

/**
 * The complete aligned subtrees inside a partial tile: level k holds a node for every full block of
 * 2^k hashes. Immutable once built.
 */
final class PartialTileNodes {
  private final byte[][] levels;

  private PartialTileNodes(byte[][] levels) {
    this.levels = levels;
  }

  static PartialTileNodes of(byte[] hashes) {
    int width = hashes.length / 32;
    int height = 32 - Integer.numberOfLeadingZeros(width); // levels 0..floor(log2(width))
    byte[][] levels = new byte[height][];
    levels[0] = hashes;
    TreeHashing hashing = new TreeHashing();
    for (int k = 1; k < height; k++) {
      byte[] below = levels[k - 1];
      int n = (below.length / 32) / 2;
      byte[] level = new byte[n * 32];
      for (int i = 0; i < n; i++) {
        hashing.node(below, 2 * i * 32, below, (2 * i + 1) * 32, level, i * 32);
      }
      levels[k] = level;
    }
    return new PartialTileNodes(levels);
  }

  /** Root of the 2^height hashes starting at hash {@code position << height}. */
  Hash node(int height, int position) {
    byte[] level = levels[height];
    byte[] out = new byte[32];
    System.arraycopy(level, position * 32, out, 0, 32);
    return Hash.of(out);
  }
}
