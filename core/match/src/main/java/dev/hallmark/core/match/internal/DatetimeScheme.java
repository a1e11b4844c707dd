package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** RFC 3339 timestamps ordered by the instant they denote (offsets taken into account). */
public final class DatetimeScheme implements VersionScheme {
  @Override
  public String name() {
    return "datetime";
  }

  private static OffsetDateTime parse(String v) throws VersionException {
    try {
      return OffsetDateTime.parse(v);
    } catch (DateTimeParseException e) {
      throw new VersionException("'" + v + "' is not an RFC 3339 timestamp");
    }
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    return Integer.signum(parse(a).toInstant().compareTo(parse(b).toInstant()));
  }
}
