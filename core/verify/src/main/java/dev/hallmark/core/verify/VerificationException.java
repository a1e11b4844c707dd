package dev.hallmark.core.verify;

/** A verification check failed; the message names the check and why. */
public final class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  public VerificationException(String message) {
    super(message);
  }

  public VerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
