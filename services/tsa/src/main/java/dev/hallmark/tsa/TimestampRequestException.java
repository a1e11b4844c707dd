package dev.hallmark.tsa;

/** A timestamp request that cannot be served: malformed, weak hash, unaccepted policy. */
public final class TimestampRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  public TimestampRequestException(String message) {
    super(message);
  }

  public TimestampRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
