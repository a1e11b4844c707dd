package dev.hallmark.importer.internal;

import java.io.IOException;

/** A fetch failed: the server answered {@code status} (0 when it could not be reached). */
public final class FetchException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public FetchException(String message, int status) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
