package dev.hallmark.core.ct;

/**
 * Thrown when a certificate's embedded SCTs do not pass verification; the message names the SCT,
 * the log and the check that failed.
 */
public final class SctVerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what failed. */
  public SctVerificationException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public SctVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
