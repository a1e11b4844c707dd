package dev.hallmark.ca.issuance;

/** No SCT could be obtained for a precertificate; the message names the log and the reason. */
public final class SctUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message naming the log and what went wrong. */
  public SctUnavailableException(String message) {
    super(message);
  }

  /** With a message naming the log and what went wrong, and the underlying cause. */
  public SctUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
