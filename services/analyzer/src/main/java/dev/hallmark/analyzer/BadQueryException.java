package dev.hallmark.analyzer;

/** A {@code q}, {@code sort} or id argument could not be understood; the message says why. */
public final class BadQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadQueryException(String message) {
    super(message);
  }
}
