package dev.hallmark.tlog.internal.tiles;

/** C2SP tlog-tiles arithmetic and paths. */
public final class Tiles {
  public static final int WIDTH = 256;
  public static final int FULL_TILE_BYTES = WIDTH * 32;

  private Tiles() {}

  /** Index of the partial (right-edge) tile at tile level {@code level} for a tree of size s. */
  public static long edgeTileIndex(long size, int level) {
    int shift = 8 * (level + 1);
    return shift >= 64 ? 0 : size >>> shift;
  }

  /** Width of that right-edge tile: 0 when the level has no partial tile. */
  public static int edgeTileWidth(long size, int level) {
    return (int) ((size >>> (8 * level)) & 0xff);
  }

  /**
   * Width of tile (level, index) as a tree of size s implies: 256 when full, 1..255 when partial, 0
   * when the tile does not exist at that size.
   */
  public static int widthAt(long size, int level, long index) {
    long edge = edgeTileIndex(size, level);
    if (index < edge) {
      return WIDTH;
    }
    return index == edge ? edgeTileWidth(size, level) : 0;
  }

  /** Tile index path: 1234067 becomes x001/x234/067. */
  public static String encodeIndex(long n) {
    StringBuilder sb = new StringBuilder();
    String last = String.format("%03d", n % 1000);
    n /= 1000;
    while (n > 0) {
      sb.insert(0, String.format("x%03d/", n % 1000));
      n /= 1000;
    }
    return sb.append(last).toString();
  }

  /**
   * Parses an index path; IllegalArgumentException unless every group is three digits, all but the
   * last prefixed with x, and the value fits in a long.
   */
  public static long parseIndex(String path) {
    String[] groups = path.split("/", -1);
    if (groups.length == 0 || groups.length > 7) {
      throw new IllegalArgumentException("bad tile index " + path);
    }
    long n = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      boolean last = i == groups.length - 1;
      if (!last) {
        if (!g.startsWith("x")) {
          throw new IllegalArgumentException("bad tile index " + path);
        }
        g = g.substring(1);
      }
      if (g.length() != 3 || !g.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("bad tile index " + path);
      }
      n = Math.addExact(Math.multiplyExact(n, 1000), Integer.parseInt(g));
    }
    return n;
  }
}
