package dev.hallmark.ca.identity;

/**
 * A submitted public key is malformed or not of an accepted type or size; the message says which.
 */
public final class KeyPolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public KeyPolicyException(String message) {
    super(message);
  }

  /** Creates the exception with an underlying cause. */
  public KeyPolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
