package dev.hallmark.core.tuf;

import java.time.Duration;
import java.util.List;

/**
 * How long each role's metadata stays valid after it is signed.
 *
 * @param root root metadata
 * @param targets targets metadata
 * @param snapshot snapshot metadata
 * @param timestamp timestamp metadata
 */
public record Expiries(Duration root, Duration targets, Duration snapshot, Duration timestamp) {
  /** Root and targets a year, snapshot 30 days, timestamp 7 days. */
  public static final Expiries DEFAULT =
      new Expiries(
          Duration.ofDays(365), Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(7));

  /** Validates. */
  public Expiries {
    for (Duration d : List.of(root, targets, snapshot, timestamp)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("expiry periods must be positive");
      }
    }
  }

  /** The period for {@code role}. */
  public Duration of(Role role) {
    switch (role) {
      case ROOT:
        return root;
      case TARGETS:
        return targets;
      case SNAPSHOT:
        return snapshot;
      default:
        return timestamp;
    }
  }
}
