package dev.hallmark.core.tuf;

import java.time.Instant;

/** The {@code signed} part of TUF metadata: what every role's metadata has in common. */
public sealed interface Signed permits Root, Targets, Snapshot, Timestamp {
  /** The role this metadata is for ({@code _type}). */
  Role role();

  /** The TUF specification version, {@code 1.x[.y]}. */
  String specVersion();

  /** The metadata version, at least 1. */
  long version();

  /** When the metadata expires (whole seconds). */
  Instant expires();

  /** True when {@code expires} is not after {@code now}: TUF treats such metadata as expired. */
  default boolean isExpiredAt(Instant now) {
    return !expires().isAfter(now);
  }
}
