package dev.hallmark.core.bundle;

/**
 * Thrown when a bundle, trusted root or signing config is malformed; the message names the field.
 */
public final class BundleFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public BundleFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public BundleFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
