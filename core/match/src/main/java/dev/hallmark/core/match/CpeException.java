package dev.hallmark.core.match;

/**
 * Thrown when a string is not a well-formed CPE 2.2 URI or CPE 2.3 formatted string. The message
 * names what was wrong.
 */
public final class CpeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public CpeException(String message) {
    super(message);
  }
}
