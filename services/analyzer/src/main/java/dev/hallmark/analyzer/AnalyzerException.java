package dev.hallmark.analyzer;

/** The store failed (database unreachable, constraint broken); nothing of the call was kept. */
public final class AnalyzerException extends Exception {
  private static final long serialVersionUID = 1L;

  public AnalyzerException(String message, Throwable cause) {
    super(message, cause);
  }
}
