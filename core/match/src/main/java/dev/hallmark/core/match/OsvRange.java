package dev.hallmark.core.match;

import java.util.List;

/**
 * An OSV {@code affected[].ranges[]} entry, checked as the OSV schema requires: at least one {@code
 * introduced}, never both {@code fixed} and {@code last_affected}, a {@code repo} for {@code GIT}.
 *
 * @param type SEMVER, ECOSYSTEM or GIT
 * @param repo the repository URL (GIT only, else {@code null})
 * @param events the events in document order
 */
public record OsvRange(Type type, String repo, List<OsvEvent> events) {
  /** The range types of the OSV schema. */
  public enum Type {
    SEMVER,
    ECOSYSTEM,
    GIT
  }

  /** Copies the events; the schema checks are done by {@link #of}. */
  public OsvRange {
    events = List.copyOf(events);
  }

  /** Builds a range, enforcing the schema's rules; the message names the broken rule. */
  public static OsvRange of(Type type, String repo, List<OsvEvent> events) throws RangeException {
    if (type == null) {
      throw new RangeException("OSV range has no type");
    }
    if (events.stream().noneMatch(e -> e.kind() == OsvEvent.Kind.INTRODUCED)) {
      throw new RangeException("OSV range has no 'introduced' event");
    }
    boolean fixed = events.stream().anyMatch(e -> e.kind() == OsvEvent.Kind.FIXED);
    boolean last = events.stream().anyMatch(e -> e.kind() == OsvEvent.Kind.LAST_AFFECTED);
    if (fixed && last) {
      throw new RangeException("OSV range has both 'fixed' and 'last_affected' events");
    }
    if (type == Type.GIT && (repo == null || repo.isEmpty())) {
      throw new RangeException("OSV GIT range has no 'repo'");
    }
    return new OsvRange(type, repo, events);
  }
}
