package dev.hallmark.ctlog;

/** A submitted chain is not acceptable to this log; the message says why. */
public final class CtChainException extends Exception {
  private static final long serialVersionUID = 1L;

  public CtChainException(String message) {
    super(message);
  }

  public CtChainException(String message, Throwable cause) {
    super(message, cause);
  }
}
