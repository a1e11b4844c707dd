package dev.hallmark.core.findings;

import java.util.Locale;

/** What an advisory says of a component. */
public enum FindingStatus {
  AFFECTED,
  NOT_AFFECTED,
  FIXED,
  UNDER_INVESTIGATION;

  /** {@code affected}, {@code not_affected}, {@code fixed}, {@code under_investigation}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
