package dev.hallmark.core.match;

/**
 * Thrown when a {@code vers:} range, a native ecosystem range or an OSV range is not well formed.
 * The message names what was wrong.
 */
public final class RangeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public RangeException(String message) {
    super(message);
  }
}
