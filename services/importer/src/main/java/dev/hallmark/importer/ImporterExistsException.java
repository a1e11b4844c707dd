package dev.hallmark.importer;

/** An importer with this name exists already. */
public final class ImporterExistsException extends ImporterException {
  private static final long serialVersionUID = 1L;

  public ImporterExistsException(String name) {
    super("an importer named '" + name + "' exists already");
  }
}
