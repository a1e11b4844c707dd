package dev.hallmark.importer;

/** The importer store failed (database unreachable); nothing of the call was kept. */
public class ImporterException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImporterException(String message) {
    super(message);
  }

  public ImporterException(String message, Throwable cause) {
    super(message, cause);
  }
}
