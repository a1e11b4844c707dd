package dev.hallmark.tlog.internal.tiles;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.HashSource;

/**
 * The tree of one published size: the partial right-edge tiles of that size, and full tiles from
 * {@link FullTiles}. Immutable; any subtree hash of the tree is available from it.
 */
public final class TreeView implements HashSource {
  private final long size;
  private final byte[][] partial;
  private final FullTiles fullTiles;
  private final PartialTileNodes[] partialNodes = new PartialTileNodes[8];

  /** {@code partial[level]} is the right-edge tile at that tile level (null if none). */
  public TreeView(long size, byte[][] partial, FullTiles fullTiles) {
    this.size = size;
    this.partial = partial;
    this.fullTiles = fullTiles;
    for (int level = 0; level < 8; level++) {
      int width = Tiles.edgeTileWidth(size, level);
      int have = partial[level] == null ? 0 : partial[level].length / 32;
      if (have != width) {
        throw new IllegalArgumentException(
            "partial tile at level " + level + " has " + have + " hashes, size implies " + width);
      }
    }
  }

  public long size() {
    return size;
  }

  /** The right-edge tile bytes at a tile level (null if none); do not modify. */
  public byte[] partialTile(int level) {
    return partial[level];
  }

  /**
   * Inner nodes of a right-edge tile, computed once per view on first use: every inclusion proof
   * answered from this view then costs lookups instead of re-hashing up to 255 nodes.
   */
  private PartialTileNodes partialNodes(int tileLevel) {
    synchronized (partialNodes) {
      PartialTileNodes nodes = partialNodes[tileLevel];
      if (nodes == null) {
        nodes = PartialTileNodes.of(partial[tileLevel]);
        partialNodes[tileLevel] = nodes;
      }
      return nodes;
    }
  }

  @Override
  public Hash subtree(int level, long index) {
    int tileLevel = level >>> 3;
    int height = level & 7;
    long first = index << height;
    long tileIndex = first >>> 8;
    int offset = (int) (first & 0xff);
    if (tileIndex == Tiles.edgeTileIndex(size, tileLevel)) {
      byte[] tile = partial[tileLevel];
      int count = 1 << height;
      if (tile == null || (offset + count) * 32 > tile.length) {
        throw new IllegalArgumentException(
            "subtree " + level + "/" + index + " is not complete at size " + size);
      }
      return partialNodes(tileLevel).node(height, offset >> height);
    }
    if (tileIndex > Tiles.edgeTileIndex(size, tileLevel)) {
      throw new IllegalArgumentException(
          "subtree " + level + "/" + index + " lies beyond size " + size);
    }
    return fullTiles.full(tileLevel, tileIndex).node(height, offset >> height);
  }
}
