package dev.hallmark.core.match;

import dev.hallmark.core.match.internal.SemVerScheme;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * OSV range evaluation exactly as the OSV schema's normative pseudocode defines it: a version is
 * affected when it is listed in {@code versions} or lies in one of the {@code ranges}; within a
 * range the events are sorted by version ({@code introduced: "0"} first) and replayed — {@code
 * introduced <= v} sets vulnerable, {@code fixed <= v} clears it, {@code last_affected < v} clears
 * it — provided {@code v} is below some {@code limit} (when there is one). SEMVER ranges use SemVer
 * 2.0 whatever the ecosystem (a leading {@code v}, as Go writes it, is accepted); ECOSYSTEM ranges
 * use the ecosystem's scheme; GIT ranges need a {@link CommitGraph}.
 */
public final class OsvRanges {
  private final VersionScheme semver = new SemVerScheme("semver", true);

  /**
   * Whether {@code version} is affected by an OSV {@code affected[]} entry.
   *
   * @param versions the entry's {@code versions} list (matched exactly or as equal versions)
   * @param ranges the entry's ranges
   * @param scheme the ecosystem's scheme, for ECOSYSTEM ranges and the {@code versions} list
   * @param commits the commit graph for GIT ranges, or {@code null} when none is available: GIT
   *     ranges are then skipped, since a version string is not a commit (the OSV schema recommends
   *     the {@code versions} list for exactly this case)
   */
  public boolean isAffected(
      Collection<String> versions,
      List<OsvRange> ranges,
      String version,
      VersionScheme scheme,
      CommitGraph commits)
      throws RangeException {
    for (String listed : versions) {
      if (listed.equals(version) || equalOrFalse(scheme, listed, version)) {
        return true;
      }
    }
    for (OsvRange r : ranges) {
      if (r.type() == OsvRange.Type.GIT && commits == null) {
        continue;
      }
      if (inRange(r, version, scheme, commits)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equalOrFalse(VersionScheme scheme, String a, String b) {
    try {
      return scheme.compare(a, b) == 0;
    } catch (VersionException e) {
      return false;
    }
  }

  /**
   * The same range as a {@code vers} range in the given scheme: the sorted events replayed into
   * intervals ({@code introduced X} opens {@code >=X}, {@code fixed F} closes with {@code <F},
   * {@code last_affected L} with {@code <=L}; {@code introduced: "0"} has no lower bound). Limits
   * other than {@code *} and GIT ranges have no vers form and are refused.
   *
   * @param schemeName the vers scheme to write ({@code semver} for SEMVER ranges is usual)
   */
  public VersRange toVers(OsvRange range, VersionScheme scheme, String schemeName)
      throws RangeException {
    if (range.type() == OsvRange.Type.GIT) {
      throw new RangeException("OSV GIT ranges have no vers form");
    }
    for (OsvEvent e : range.events()) {
      if (e.kind() == OsvEvent.Kind.LIMIT && !e.isInfinity()) {
        throw new RangeException("OSV limit '" + e.value() + "' has no vers form");
      }
    }
    Order order = new Order(range.type() == OsvRange.Type.SEMVER ? semver : scheme);
    List<VersConstraint> out = new ArrayList<>();
    boolean open = false;
    boolean unbounded = false;
    for (OsvEvent e : sorted(range.events(), order)) {
      if (e.kind() == OsvEvent.Kind.INTRODUCED && !open) {
        open = true;
        if (e.isZero()) {
          unbounded = true;
        } else {
          out.add(new VersConstraint(VersOperator.GE, e.value()));
        }
      } else if (e.kind() == OsvEvent.Kind.FIXED && open) {
        open = false;
        out.add(new VersConstraint(VersOperator.LT, e.value()));
      } else if (e.kind() == OsvEvent.Kind.LAST_AFFECTED && open) {
        open = false;
        out.add(new VersConstraint(VersOperator.LE, e.value()));
      }
    }
    if (out.isEmpty()) {
      if (!unbounded) {
        throw new RangeException("OSV range affects no version");
      }
      return new VersRange(schemeName, true, List.of());
    }
    return new VersRange(schemeName, false, out);
  }

  /** Whether {@code version} lies in one range. */
  public boolean inRange(OsvRange range, String version, VersionScheme scheme, CommitGraph commits)
      throws RangeException {
    if (range.type() == OsvRange.Type.GIT) {
      if (commits == null) {
        throw new RangeException("OSV GIT range needs a commit graph; match on versions[] instead");
      }
      return inGitRange(range, version, commits);
    }
    Order order = new Order(range.type() == OsvRange.Type.SEMVER ? semver : scheme);
    List<OsvEvent> limits = new ArrayList<>();
    for (OsvEvent e : range.events()) {
      if (e.kind() == OsvEvent.Kind.LIMIT) {
        limits.add(e);
      }
    }
    if (!limits.isEmpty()) {
      boolean below = false;
      for (OsvEvent l : limits) {
        below |= l.isInfinity() || order.compare(version, l.value()) < 0;
      }
      if (!below) {
        return false;
      }
    }
    boolean vulnerable = false;
    for (OsvEvent e : sorted(range.events(), order)) {
      switch (e.kind()) {
        case INTRODUCED:
          if (e.isZero() || order.compare(version, e.value()) >= 0) {
            vulnerable = true;
          }
          break;
        case FIXED:
          if (order.compare(version, e.value()) >= 0) {
            vulnerable = false;
          }
          break;
        case LAST_AFFECTED:
          if (order.compare(version, e.value()) > 0) {
            vulnerable = false;
          }
          break;
        default:
          break;
      }
    }
    return vulnerable;
  }

  private static List<OsvEvent> sorted(List<OsvEvent> events, Order order) throws RangeException {
    List<OsvEvent> out = new ArrayList<>();
    for (OsvEvent e : events) {
      if (e.kind() == OsvEvent.Kind.LIMIT) {
        continue;
      }
      int at = out.size();
      while (at > 0 && order.compareEvents(out.get(at - 1), e) > 0) {
        at--;
      }
      out.add(at, e);
    }
    return out;
  }

  /**
   * GIT ranges: affected when some {@code introduced} commit reaches {@code commit} and no {@code
   * fixed} commit between them does (a {@code last_affected} commit clears it for its strict
   * descendants), and, when limits exist, {@code commit} reaches a limit without being it.
   */
  private static boolean inGitRange(OsvRange r, String commit, CommitGraph g)
      throws RangeException {
    boolean limited = false;
    boolean belowLimit = false;
    for (OsvEvent e : r.events()) {
      if (e.kind() == OsvEvent.Kind.LIMIT) {
        limited = true;
        belowLimit |=
            e.isInfinity() || !e.value().equals(commit) && g.reaches(r.repo(), commit, e.value());
      }
    }
    if (limited && !belowLimit) {
      return false;
    }
    for (OsvEvent intro : r.events()) {
      if (intro.kind() != OsvEvent.Kind.INTRODUCED
          || !(intro.isZero() || g.reaches(r.repo(), intro.value(), commit))) {
        continue;
      }
      boolean cleared = false;
      for (OsvEvent e : r.events()) {
        boolean after = intro.isZero() || g.reaches(r.repo(), intro.value(), e.value());
        if (e.kind() == OsvEvent.Kind.FIXED) {
          cleared |= after && g.reaches(r.repo(), e.value(), commit);
        } else if (e.kind() == OsvEvent.Kind.LAST_AFFECTED) {
          cleared |= after && !e.value().equals(commit) && g.reaches(r.repo(), e.value(), commit);
        }
      }
      if (!cleared) {
        return true;
      }
    }
    return false;
  }

  /** Version order with "0" below everything and scheme errors reported as range errors. */
  private static final class Order {
    private final VersionScheme scheme;

    Order(VersionScheme scheme) {
      this.scheme = scheme;
    }

    int compare(String a, String b) throws RangeException {
      try {
        return scheme.compare(a, b);
      } catch (VersionException e) {
        throw new RangeException("OSV range: " + e.getMessage());
      }
    }

    int compareEvents(OsvEvent a, OsvEvent b) throws RangeException {
      if (a.isZero() || b.isZero()) {
        return Boolean.compare(!a.isZero(), !b.isZero());
      }
      return compare(a.value(), b.value());
    }
  }
}
