package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import java.math.BigInteger;
import java.util.List;

/**
 * A parsed SemVer 2.0 version: {@code MAJOR.MINOR.PATCH[-prerelease][+build]}. Build metadata is
 * kept but never compared.
 */
public record SemVer(
    BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease, String build)
    implements Comparable<SemVer> {

  /** Validates the components. */
  public SemVer {
    if (major.signum() < 0 || minor.signum() < 0 || patch.signum() < 0) {
      throw new IllegalArgumentException("negative SemVer component");
    }
    prerelease = List.copyOf(prerelease);
  }

  /**
   * Parses a strict SemVer 2.0 string; {@code lenientPrefix} additionally accepts a leading {@code
   * v} or {@code =}, as npm and Go do.
   */
  public static SemVer parse(String text, String scheme, boolean lenientPrefix)
      throws VersionException {
    String s = text;
    if (lenientPrefix && !s.isEmpty() && (s.charAt(0) == 'v' || s.charAt(0) == '=')) {
      s = s.substring(1);
    }
    String build = "";
    int plus = s.indexOf('+');
    if (plus >= 0) {
      build = s.substring(plus + 1);
      s = s.substring(0, plus);
      checkIdentifiers(build, text, scheme, false);
    }
    List<String> pre = List.of();
    int dash = s.indexOf('-');
    if (dash >= 0) {
      String p = s.substring(dash + 1);
      s = s.substring(0, dash);
      checkIdentifiers(p, text, scheme, true);
      pre = List.of(p.split("\\.", -1));
    }
    String[] core = s.split("\\.", -1);
    if (core.length != 3) {
      throw new VersionException(scheme + " version '" + text + "' is not MAJOR.MINOR.PATCH");
    }
    return new SemVer(
        number(core[0], text, scheme),
        number(core[1], text, scheme),
        number(core[2], text, scheme),
        pre,
        build);
  }

  private static BigInteger number(String part, String text, String scheme)
      throws VersionException {
    if (part.isEmpty() || !allDigits(part) || (part.length() > 1 && part.charAt(0) == '0')) {
      throw new VersionException(
          scheme + " version '" + text + "' has an invalid numeric part '" + part + "'");
    }
    return new BigInteger(part);
  }

  private static void checkIdentifiers(String ids, String text, String scheme, boolean pre)
      throws VersionException {
    for (String id : ids.split("\\.", -1)) {
      if (id.isEmpty()) {
        throw new VersionException(scheme + " version '" + text + "' has an empty identifier");
      }
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
          throw new VersionException(
              scheme + " version '" + text + "' has an invalid character '" + c + "'");
        }
      }
      if (pre && allDigits(id) && id.length() > 1 && id.charAt(0) == '0') {
        throw new VersionException(
            scheme + " version '" + text + "' has a numeric prerelease with a leading zero");
      }
    }
  }

  static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether this version has prerelease identifiers. */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  @Override
  public int compareTo(SemVer o) {
    int c = major.compareTo(o.major);
    if (c == 0) {
      c = minor.compareTo(o.minor);
    }
    if (c == 0) {
      c = patch.compareTo(o.patch);
    }
    if (c != 0) {
      return c;
    }
    return comparePrerelease(prerelease, o.prerelease, false);
  }

  /**
   * SemVer §11 prerelease precedence: no prerelease beats any; identifiers compared in turn,
   * numeric ones numerically and below alphanumeric ones; more identifiers win on a tie.
   */
  static int comparePrerelease(List<String> a, List<String> b, boolean ignoreCase) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xn = allDigits(x);
      boolean yn = allDigits(y);
      int c;
      if (xn && yn) {
        c = new BigInteger(x).compareTo(new BigInteger(y));
      } else if (xn != yn) {
        c = xn ? -1 : 1;
      } else {
        c = ignoreCase ? x.compareToIgnoreCase(y) : x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public String toString() {
    return major
        + "."
        + minor
        + "."
        + patch
        + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease))
        + (build.isEmpty() ? "" : "+" + build);
  }
}
