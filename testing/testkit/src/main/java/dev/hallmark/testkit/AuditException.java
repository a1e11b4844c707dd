package dev.hallmark.testkit;

/** The log is not what it promised to be: a lost entry, a fork, a bad tile or signature. */
public final class AuditException extends Exception {
  private static final long serialVersionUID = 1L;

  public AuditException(String message) {
    super(message);
  }

  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
