package dev.hallmark.ca.issuance;

/**
 * A certificate request cannot be honoured because of what the client sent (an unsupported or weak
 * public key, a malformed SAN or extension); the message says what was wrong. No certificate is
 * issued. Maps to a 4xx / {@code INVALID_ARGUMENT}.
 */
public final class RequestRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message naming what was wrong. */
  public RequestRejectedException(String message) {
    super(message);
  }

  /** With a message naming what was wrong and the underlying cause. */
  public RequestRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
