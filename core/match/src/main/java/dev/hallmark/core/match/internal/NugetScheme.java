package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NuGet ordering: SemVer 2.0 with an optional fourth (revision) number, missing numbers 0, leading
 * zeros ignored, prerelease labels compared case-insensitively, metadata ignored.
 */
public final class NugetScheme implements VersionScheme {
  private static final Pattern GRAMMAR =
      Pattern.compile(
          "[vV]?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:\\.([0-9]+))?"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

  @Override
  public String name() {
    return "nuget";
  }

  private static Matcher parse(String v) throws VersionException {
    Matcher m = GRAMMAR.matcher(v.strip());
    if (!m.matches()) {
      throw new VersionException("'" + v + "' is not a NuGet version");
    }
    return m;
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    Matcher x = parse(a);
    Matcher y = parse(b);
    for (int g = 1; g <= 4; g++) {
      int c = num(x.group(g)).compareTo(num(y.group(g)));
      if (c != 0) {
        return c;
      }
    }
    List<String> p = x.group(5) == null ? List.of() : List.of(x.group(5).split("\\."));
    List<String> q = y.group(5) == null ? List.of() : List.of(y.group(5).split("\\."));
    return Integer.signum(SemVer.comparePrerelease(p, q, true));
  }

  private static BigInteger num(String s) {
    return s == null ? BigInteger.ZERO : new BigInteger(s);
  }
}
