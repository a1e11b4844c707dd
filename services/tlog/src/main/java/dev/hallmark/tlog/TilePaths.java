package dev.hallmark.tlog;

import dev.hallmark.tlog.internal.tiles.Tiles;

/** C2SP tlog-tiles index paths ({@code 1234067} is {@code x001/x234/067}). */
public final class TilePaths {
  private TilePaths() {}

  public static String encodeIndex(long index) {
    return Tiles.encodeIndex(index);
  }

  /** IllegalArgumentException unless the path is a well-formed index. */
  public static long parseIndex(String path) {
    return Tiles.parseIndex(path);
  }
}
