package dev.hallmark.core.match;

/**
 * Thrown when a string is not a valid version in the version scheme it was given to. The message
 * names what was wrong.
 */
public final class VersionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public VersionException(String message) {
    super(message);
  }
}
