package dev.hallmark.core.advisory;

import java.util.Locale;

/** The eight CSAF {@code product_status} lists. */
public enum ProductStatus {
  FIRST_AFFECTED,
  FIRST_FIXED,
  FIXED,
  KNOWN_AFFECTED,
  KNOWN_NOT_AFFECTED,
  LAST_AFFECTED,
  RECOMMENDED,
  UNDER_INVESTIGATION;

  /** The JSON field name ({@code known_affected}). */
  public String field() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status group for the disjointness rule (CSAF 6.1.6), or null for {@code recommended}. */
  public String group() {
    switch (this) {
      case FIRST_AFFECTED:
      case KNOWN_AFFECTED:
      case LAST_AFFECTED:
        return "affected";
      case FIRST_FIXED:
      case FIXED:
        return "fixed";
      case KNOWN_NOT_AFFECTED:
        return "not affected";
      case UNDER_INVESTIGATION:
        return "under investigation";
      default:
        return null;
    }
  }
}
