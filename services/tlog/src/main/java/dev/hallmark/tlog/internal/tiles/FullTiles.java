package dev.hallmark.tlog.internal.tiles;

/** Where full tiles come from (a cache in front of storage). */
public interface FullTiles {
  /**
   * The full tile at (level, index); throws {@link TileUnavailableException} if storage fails or
   * the tile is not full (which would mean the database lost data).
   */
  TileTree full(int level, long index);
}
