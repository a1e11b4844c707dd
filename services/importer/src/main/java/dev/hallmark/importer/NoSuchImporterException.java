package dev.hallmark.importer;

/** No importer has this name. */
public final class NoSuchImporterException extends ImporterException {
  private static final long serialVersionUID = 1L;

  public NoSuchImporterException(String name) {
    super("no importer named '" + name + "'");
  }
}
