package dev.hallmark.core.crypto;

/** Thrown when bytes are not a valid public key, certificate, private key or PEM document. */
public final class KeyParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public KeyParseException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public KeyParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
