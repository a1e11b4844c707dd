package dev.hallmark.core.crypto;

/**
 * Thrown when a key's type, size or curve is not supported, or does not match the expected {@link
 * KeyDetails}.
 */
public final class UnsupportedKeyException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public UnsupportedKeyException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public UnsupportedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
