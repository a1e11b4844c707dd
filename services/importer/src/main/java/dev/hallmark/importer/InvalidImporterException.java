package dev.hallmark.importer;

/** An importer configuration is not acceptable; the message says what is wrong. */
public final class InvalidImporterException extends ImporterException {
  private static final long serialVersionUID = 1L;

  public InvalidImporterException(String message) {
    super(message);
  }
}
