package dev.hallmark.tlog.internal.tiles;

import dev.hallmark.tlog.internal.storage.LogStorage;
import dev.hallmark.tlog.internal.storage.StorageException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded LRU of full tiles in front of storage. Full tiles are immutable, so a cached tile is
 * never stale. Thread-safe.
 */
public final class TileCache implements FullTiles {
  private final LogStorage storage;
  private final int logId;
  private final Map<Long, TileTree> lru;

  public TileCache(LogStorage storage, int logId, int capacity) {
    this.storage = storage;
    this.logId = logId;
    this.lru =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, TileTree> eldest) {
            return size() > capacity;
          }
        };
  }

  private static long key(int level, long index) {
    return ((long) level << 56) | index;
  }

  @Override
  public TileTree full(int level, long index) {
    long key = key(level, index);
    synchronized (lru) {
      TileTree cached = lru.get(key);
      if (cached != null) {
        return cached;
      }
    }
    byte[] stored;
    try {
      stored = storage.tile(logId, level, index).orElse(null);
    } catch (StorageException e) {
      throw new TileUnavailableException("cannot read tile " + level + "/" + index, e);
    }
    if (stored == null || stored.length != Tiles.FULL_TILE_BYTES) {
      throw new TileUnavailableException(
          "tile "
              + level
              + "/"
              + index
              + " should be full but storage has "
              + (stored == null ? "nothing" : stored.length / 32 + " hashes"),
          null);
    }
    TileTree tree = TileTree.of(stored);
    put(level, index, tree);
    return tree;
  }

  /** Adds a tile the sequencer just made durable. */
  public void put(int level, long index, TileTree tree) {
    synchronized (lru) {
      lru.put(key(level, index), tree);
    }
  }
}
