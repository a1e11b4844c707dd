package dev.hallmark.core.advisory.internal;

import dev.hallmark.core.advisory.AdvisoryFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every failed CSAF mandatory test of one document, so that a refusal names all of them
 * (messages start with the test number). Bookkeeping failures become warnings when lenient.
 */
final class CsafFindings {
  private final boolean strict;
  private final List<String> refusals = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  CsafFindings(boolean strict) {
    this.strict = strict;
  }

  /** A failure that always refuses the document. */
  void refuse(String message) {
    refusals.add(message);
  }

  /** A bookkeeping failure: refuses when strict, a warning when lenient. */
  void bookkeeping(String message) {
    (strict ? refusals : warnings).add(message);
  }

  List<String> warnings() {
    return warnings;
  }

  void throwIfRefused() throws AdvisoryFormatException {
    if (!refusals.isEmpty()) {
      throw new AdvisoryFormatException(String.join("; ", refusals));
    }
  }
}
