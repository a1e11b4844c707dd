package dev.hallmark.ca.issuance;

/**
 * Issuing failed on the CA's side (the CA key could not sign, no SCT could be obtained); the
 * message names the step. No certificate is issued. Maps to a 5xx / {@code UNAVAILABLE}.
 */
public final class IssuanceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message naming the failed step. */
  public IssuanceException(String message) {
    super(message);
  }

  /** With a message naming the failed step and the underlying cause. */
  public IssuanceException(String message, Throwable cause) {
    super(message, cause);
  }
}
