package dev.hallmark.core.advisory;

/**
 * How the CSAF mandatory tests on document bookkeeping (6.1.12 language, 6.1.14–6.1.22 and 6.1.30
 * version and revision history, 6.1.15 translator, 6.1.26 category name, 6.1.28 translation) are
 * applied. The tests that change what a document means (product definitions, contradicting
 * statuses, CVSS, profiles) always refuse.
 */
public enum CsafValidation {
  /** Every implemented mandatory test refuses the document. */
  STRICT,
  /**
   * Bookkeeping failures become warnings in {@link CsafAdvisory#warnings()} (real vendor feeds
   * publish e.g. a document version behind its revision history, test 6.1.16).
   */
  LENIENT
}
