package dev.hallmark.tlog.internal.storage;

/** A tile to write: 1 to 256 hashes, concatenated. */
public record TileRow(TileKey key, byte[] hashes) {
  public TileRow {
    if (hashes.length == 0 || hashes.length > 8192 || hashes.length % 32 != 0) {
      throw new IllegalArgumentException("tile of " + hashes.length + " bytes");
    }
  }
}
