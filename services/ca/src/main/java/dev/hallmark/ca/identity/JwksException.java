package dev.hallmark.ca.identity;

/** An issuer's discovery document or JWKS could not be fetched or parsed; the message says why. */
public final class JwksException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what went wrong. */
  public JwksException(String message) {
    super(message);
  }

  /** Creates the exception with an underlying cause. */
  public JwksException(String message, Throwable cause) {
    super(message, cause);
  }
}
