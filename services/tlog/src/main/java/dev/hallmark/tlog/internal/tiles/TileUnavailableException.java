package dev.hallmark.tlog.internal.tiles;

/** A tile needed for a hash or proof could not be read. */
public final class TileUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TileUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
