package dev.hallmark.core.match;

/**
 * Thrown when a package URL (purl) or its components are not well formed. The message names what
 * was wrong.
 */
public final class PurlException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public PurlException(String message) {
    super(message);
  }
}
