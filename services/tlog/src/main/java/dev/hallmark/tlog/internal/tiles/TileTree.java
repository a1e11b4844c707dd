package dev.hallmark.tlog.internal.tiles;

import dev.hallmark.core.merkle.Hash;

/**
 * A full tile (256 hashes) with every inner node computed once, so that any aligned subtree inside
 * it is an array lookup. Immutable.
 */
public final class TileTree {
  private final byte[][] levels = new byte[9][];

  private TileTree(byte[] hashes) {
    levels[0] = hashes;
    TreeHashing hashing = new TreeHashing();
    for (int k = 1; k <= 8; k++) {
      int n = 256 >> k;
      byte[] level = new byte[n * 32];
      byte[] below = levels[k - 1];
      for (int i = 0; i < n; i++) {
        hashing.node(below, 2 * i * 32, below, (2 * i + 1) * 32, level, i * 32);
      }
      levels[k] = level;
    }
  }

  /** Builds the tree of a full tile; the caller must not modify {@code hashes} afterwards. */
  public static TileTree of(byte[] hashes) {
    if (hashes.length != Tiles.FULL_TILE_BYTES) {
      throw new IllegalArgumentException("a full tile has 8192 bytes, not " + hashes.length);
    }
    return new TileTree(hashes);
  }

  /** Root of the 2^height hashes starting at hash {@code position << height}. */
  public Hash node(int height, int position) {
    byte[] level = levels[height];
    byte[] out = new byte[32];
    System.arraycopy(level, position * 32, out, 0, 32);
    return Hash.of(out);
  }

  public byte[] hashesView() {
    return levels[0];
  }

  public Hash root() {
    return node(8, 0);
  }
}
