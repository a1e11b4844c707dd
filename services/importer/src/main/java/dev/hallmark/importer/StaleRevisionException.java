package dev.hallmark.importer;

/** The caller's revision (If-Match) is not the stored one: someone changed the importer since. */
public final class StaleRevisionException extends ImporterException {
  private static final long serialVersionUID = 1L;

  public StaleRevisionException(String name, long expected, long actual) {
    super(
        "importer '"
            + name
            + "' is at revision "
            + actual
            + ", not "
            + expected
            + "; read it again and reapply the change");
  }
}
