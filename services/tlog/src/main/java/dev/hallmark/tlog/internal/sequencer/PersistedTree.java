package dev.hallmark.tlog.internal.sequencer;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.tlog.LogSnapshot;
import dev.hallmark.tlog.internal.storage.LogState;
import dev.hallmark.tlog.internal.storage.LogStorage;
import dev.hallmark.tlog.internal.storage.NewEntry;
import dev.hallmark.tlog.internal.storage.StorageException;
import dev.hallmark.tlog.internal.storage.TileKey;
import dev.hallmark.tlog.internal.storage.TileRow;
import dev.hallmark.tlog.internal.tiles.TileCache;
import dev.hallmark.tlog.internal.tiles.Tiles;
import dev.hallmark.tlog.internal.tiles.TreeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds tree views from what storage holds: published checkpoints and read-back batches. */
final class PersistedTree {
  private final LogStorage storage;
  private final int logId;
  private final TileCache tiles;

  PersistedTree(LogStorage storage, int logId, TileCache tiles) {
    this.storage = storage;
    this.logId = logId;
    this.tiles = tiles;
  }

  /** Keys of the right-edge (partial) tiles of a tree of {@code size}. */
  static List<TileKey> edgeKeys(long size) {
    List<TileKey> keys = new ArrayList<>();
    for (int level = 0; level < 8; level++) {
      if (Tiles.edgeTileWidth(size, level) > 0) {
        keys.add(new TileKey(level, Tiles.edgeTileIndex(size, level)));
      }
    }
    return keys;
  }

  /** The published state of the log as storage records it. */
  Published load(LogState state) throws StorageException {
    long size = state.checkpointSize();
    Map<TileKey, byte[]> stored = storage.tiles(logId, edgeKeys(size));
    byte[][] partial = new byte[8][];
    for (TileKey key : edgeKeys(size)) {
      int width = Tiles.edgeTileWidth(size, key.level());
      byte[] tile = stored.get(key);
      if (tile == null || tile.length < width * 32) {
        throw new StorageException("tiles for checkpoint size " + size + " are missing");
      }
      partial[key.level()] = Arrays.copyOf(tile, width * 32);
    }
    return new Published(
        new LogSnapshot(size, state.rootHash(), state.checkpoint()),
        new TreeView(size, partial, tiles));
  }

  /**
   * Reads back what a batch wrote and builds the tree view of the new size from those bytes: every
   * stored tile must be what was written, and every new entry as stored must hash to its leaf in
   * the stored level-0 tiles.
   */
  TreeView readBack(long first, List<NewEntry> fresh, List<TileRow> dirty, long size)
      throws StorageException, IntegrityException {
    List<TileKey> keys = new ArrayList<>(edgeKeys(size));
    for (TileRow row : dirty) {
      if (!keys.contains(row.key())) {
        keys.add(row.key());
      }
    }
    Map<TileKey, byte[]> stored = storage.tiles(logId, keys);
    for (TileRow row : dirty) {
      byte[] back = stored.get(row.key());
      if (back == null || !Arrays.equals(back, row.hashes())) {
        throw new IntegrityException("stored tile " + row.key() + " differs from what was written");
      }
    }
    if (!fresh.isEmpty()) {
      List<byte[]> bodies = storage.entries(logId, first, first + fresh.size());
      if (bodies.size() != fresh.size()) {
        throw new IntegrityException("entries from " + first + " were not all stored");
      }
      for (int i = 0; i < bodies.size(); i++) {
        long index = first + i;
        // Every level-0 tile that holds a new entry was written by this batch, so it is here.
        byte[] tile = stored.get(new TileKey(0, index >>> 8));
        int offset = (int) (index & 0xff) * 32;
        if (tile == null || tile.length < offset + 32) {
          throw new IntegrityException("no stored leaf hash for entry " + index);
        }
        Hash tiled = Hash.of(Arrays.copyOfRange(tile, offset, offset + 32));
        if (!Rfc6962.leafHash(bodies.get(i)).equals(tiled)) {
          throw new IntegrityException("stored entry " + index + " does not hash to its leaf");
        }
      }
    }
    byte[][] partial = new byte[8][];
    for (TileKey key : edgeKeys(size)) {
      int width = Tiles.edgeTileWidth(size, key.level());
      byte[] tile = stored.get(key);
      if (tile == null || tile.length < width * 32) {
        throw new IntegrityException("right-edge tile " + key + " missing after write");
      }
      partial[key.level()] = Arrays.copyOf(tile, width * 32);
    }
    return new TreeView(size, partial, tiles);
  }
}
