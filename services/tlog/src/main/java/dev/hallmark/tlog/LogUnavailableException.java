package dev.hallmark.tlog;

/**
 * The log cannot take or serve this request now (overloaded, database down, failing over, or
 * stopped after an integrity failure). Clients may retry; a retried add returns the same entry.
 */
public final class LogUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public LogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public LogUnavailableException(String message) {
    super(message);
  }
}
