package dev.hallmark.ca.issuance;

/** A CA key cannot be read, found, generated or used; the message names the key and the cause. */
public final class CaKeyException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message naming what was wrong. */
  public CaKeyException(String message) {
    super(message);
  }

  /** With a message naming what was wrong and the underlying cause. */
  public CaKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
