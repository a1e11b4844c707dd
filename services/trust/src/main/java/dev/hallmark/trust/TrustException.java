package dev.hallmark.trust;

/** A repository change cannot be made: thresholds not met, malformed stored files, bad draft. */
public final class TrustException extends Exception {
  private static final long serialVersionUID = 1L;

  public TrustException(String message) {
    super(message);
  }

  public TrustException(String message, Throwable cause) {
    super(message, cause);
  }
}
