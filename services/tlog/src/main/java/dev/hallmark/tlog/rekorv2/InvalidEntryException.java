package dev.hallmark.tlog.rekorv2;

/** A submitted entry is malformed or does not verify; the message says what is wrong. */
public final class InvalidEntryException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidEntryException(String message) {
    super(message);
  }

  public InvalidEntryException(String message, Throwable cause) {
    super(message, cause);
  }
}
