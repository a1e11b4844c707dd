package dev.hallmark.core.crypto;

/** Thrown when a signature does not verify; the message says what failed. */
public final class SignatureCheckException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public SignatureCheckException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public SignatureCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
