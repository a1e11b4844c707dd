package dev.hallmark.tlog.internal.storage;

/** Address of a hash tile: tile level (0..7) and tile index. */
public record TileKey(int level, long index) {
  public TileKey {
    if (level < 0 || level > 7 || index < 0) {
      throw new IllegalArgumentException("bad tile address " + level + "/" + index);
    }
  }
}
