package dev.hallmark.tlog.internal.tiles;

import dev.hallmark.tlog.internal.storage.TileKey;
import dev.hallmark.tlog.internal.storage.TileRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sequencer's working copy of the tiles at the right edge of the tree: per tile level, the
 * partial tile being filled. Appending a leaf updates them; tiles that fill up are handed out as
 * dirty rows to persist. Not thread-safe: owned by one sequencer thread.
 */
public final class RightEdge {
  private static final int LEVELS = 8;
  private final byte[][] tiles = new byte[LEVELS][Tiles.FULL_TILE_BYTES];
  private final int[] widths = new int[LEVELS];
  private final boolean[] touched = new boolean[LEVELS];
  private final List<TileRow> completed = new ArrayList<>();
  private final Map<TileKey, TileTree> completedTrees = new LinkedHashMap<>();
  private long size;

  /** Loads the edge of a tree of {@code size} leaves; {@code reader} returns stored tile bytes. */
  public static RightEdge load(long size, Function<TileKey, byte[]> reader) {
    RightEdge edge = new RightEdge();
    edge.size = size;
    for (int level = 0; level < LEVELS; level++) {
      int width = Tiles.edgeTileWidth(size, level);
      if (width > 0) {
        TileKey key = new TileKey(level, Tiles.edgeTileIndex(size, level));
        byte[] stored = reader.apply(key);
        if (stored == null || stored.length < width * 32) {
          throw new IllegalStateException(
              "tile " + key + " is missing or shorter than the log size " + size + " implies");
        }
        System.arraycopy(stored, 0, edge.tiles[level], 0, width * 32);
        edge.widths[level] = width;
      }
    }
    return edge;
  }

  public long size() {
    return size;
  }

  /** Appends one leaf hash (32 bytes). */
  public void append(byte[] leafHash) {
    push(0, leafHash);
    size++;
  }

  private void push(int level, byte[] hash) {
    System.arraycopy(hash, 0, tiles[level], widths[level] * 32, 32);
    widths[level]++;
    touched[level] = true;
    if (widths[level] == Tiles.WIDTH) {
      byte[] full = tiles[level].clone();
      long index = Tiles.edgeTileIndex(size, level);
      TileTree tree = TileTree.of(full);
      completed.add(new TileRow(new TileKey(level, index), full));
      completedTrees.put(new TileKey(level, index), tree);
      widths[level] = 0;
      touched[level] = false;
      push(level + 1, tree.root().toBytes());
    }
  }

  /**
   * Returns the tiles changed since the last call: every tile that became full, and the current
   * partial tiles that changed. Full tiles come first.
   */
  public List<TileRow> drainDirty() {
    List<TileRow> rows = new ArrayList<>(completed);
    for (int level = 0; level < LEVELS; level++) {
      if (touched[level] && widths[level] > 0) {
        rows.add(
            new TileRow(
                new TileKey(level, Tiles.edgeTileIndex(size, level)),
                Arrays.copyOf(tiles[level], widths[level] * 32)));
      }
      touched[level] = false;
    }
    completed.clear();
    return rows;
  }

  /** Full tiles completed since the last call, with their inner nodes (for the tile cache). */
  public Map<TileKey, TileTree> drainCompletedTrees() {
    Map<TileKey, TileTree> trees = new LinkedHashMap<>(completedTrees);
    completedTrees.clear();
    return trees;
  }

  /** Copies of the partial tiles (null where a level has none), for an immutable snapshot. */
  public byte[][] partialTiles() {
    byte[][] copy = new byte[LEVELS][];
    for (int level = 0; level < LEVELS; level++) {
      if (widths[level] > 0) {
        copy[level] = Arrays.copyOf(tiles[level], widths[level] * 32);
      }
    }
    return copy;
  }
}
