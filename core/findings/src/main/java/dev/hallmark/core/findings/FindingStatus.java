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

  /**
   * The status named {@code name} ({@link #jsonName()}, case-insensitive, {@code -} for {@code _}).
   *
   * @throws IllegalArgumentException naming the valid statuses
   */
  public static FindingStatus parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (FindingStatus s : values()) {
      if (s.jsonName().equals(n)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown status '"
            + name
            + "'; the statuses are affected, not_affected, fixed, under_investigation");
  }
}
