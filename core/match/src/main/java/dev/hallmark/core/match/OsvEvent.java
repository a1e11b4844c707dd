package dev.hallmark.core.match;

/**
 * One event of an OSV range: exactly one of {@code introduced}, {@code fixed}, {@code
 * last_affected} or {@code limit}, with its version (or commit). {@code introduced: "0"} is before
 * every version; {@code limit: "*"} is infinity.
 */
public record OsvEvent(Kind kind, String value) {
  /** The event kinds of the OSV schema. */
  public enum Kind {
    INTRODUCED,
    FIXED,
    LAST_AFFECTED,
    LIMIT
  }

  /** Rejects a missing kind or an empty value. */
  public OsvEvent {
    if (kind == null || value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an OSV event has a kind and a non-empty value");
    }
  }

  /** Whether this is {@code introduced: "0"}. */
  public boolean isZero() {
    return kind == Kind.INTRODUCED && value.equals("0");
  }

  /** Whether this is {@code limit: "*"}. */
  public boolean isInfinity() {
    return kind == Kind.LIMIT && value.equals("*");
  }
}
