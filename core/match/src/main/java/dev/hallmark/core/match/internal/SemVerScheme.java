package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;

/**
 * SemVer 2.0 ordering, used by {@code semver}, {@code npm}, {@code cargo}, {@code golang} and
 * others. npm and Go accept a leading {@code v}; Go's {@code +incompatible} and pseudo-versions
 * ({@code v1.2.4-0.20191109021931-daa7c04131f5}) are build metadata and prereleases under SemVer
 * and therefore need no special code.
 */
public final class SemVerScheme implements VersionScheme {
  private final String name;
  private final boolean lenientPrefix;

  /** A SemVer scheme named {@code name}; {@code lenientPrefix} accepts {@code v1.2.3}. */
  public SemVerScheme(String name, boolean lenientPrefix) {
    this.name = name;
    this.lenientPrefix = lenientPrefix;
  }

  @Override
  public String name() {
    return name;
  }

  /** Parses {@code version} under this scheme's prefix rule. */
  public SemVer parse(String version) throws VersionException {
    return SemVer.parse(version, name, lenientPrefix);
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    return Integer.signum(parse(a).compareTo(parse(b)));
  }
}
