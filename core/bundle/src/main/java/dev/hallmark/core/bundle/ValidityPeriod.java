package dev.hallmark.core.bundle;

import java.time.Instant;
import java.util.Objects;

/**
 * A closed time interval [start, end]; {@code end} null means open-ended.
 *
 * @param start the first instant of validity
 * @param end the last instant of validity, or null
 */
public record ValidityPeriod(Instant start, Instant end) {
  /** Validates. @throws IllegalArgumentException if the interval is inverted */
  public ValidityPeriod {
    Objects.requireNonNull(start, "start");
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException(
          "validity ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /** True if {@code t} lies in the closed interval. */
  public boolean contains(Instant t) {
    return !t.isBefore(start) && (end == null || !t.isAfter(end));
  }

  @Override
  public String toString() {
    return "[" + start + ", " + (end == null ? "open" : end) + "]";
  }
}
