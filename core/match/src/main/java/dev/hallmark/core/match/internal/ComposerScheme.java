package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composer (Packagist) ordering: up to four numeric parts (missing ones 0), then a stability suffix
 * {@code dev < alpha (a) < beta (b) < RC < stable < patch (p, pl)} with an optional number. {@code
 * dev-<branch>} versions sort below every numbered version, by name.
 */
public final class ComposerScheme implements VersionScheme {
  private static final Pattern GRAMMAR =
      Pattern.compile(
          "v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:[.+]([0-9]+))?"
              + "(?:[._+-]?(stable|beta|b|rc|alpha|a|patch|pl|p|dev)(?:[.-]?([0-9]+))?)?"
              + "(?:[.-]?dev)?");

  @Override
  public String name() {
    return "composer";
  }

  private static int stability(String s) {
    if (s == null) {
      return 4;
    }
    switch (s) {
      case "dev":
        return 0;
      case "alpha":
      case "a":
        return 1;
      case "beta":
      case "b":
        return 2;
      case "rc":
        return 3;
      case "stable":
        return 4;
      default:
        return 5;
    }
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    String x = a.strip().toLowerCase(Locale.ROOT);
    String y = b.strip().toLowerCase(Locale.ROOT);
    boolean xb = x.startsWith("dev-");
    boolean yb = y.startsWith("dev-");
    if (xb || yb) {
      return xb && yb ? Integer.signum(x.compareTo(y)) : xb ? -1 : 1;
    }
    Matcher p = parse(x, a);
    Matcher q = parse(y, b);
    for (int g = 1; g <= 4; g++) {
      int c = num(p.group(g)).compareTo(num(q.group(g)));
      if (c != 0) {
        return c;
      }
    }
    int c = Integer.compare(stability(p.group(5)), stability(q.group(5)));
    if (c == 0) {
      c = num(p.group(6)).compareTo(num(q.group(6)));
    }
    return Integer.signum(c);
  }

  private static Matcher parse(String lower, String original) throws VersionException {
    Matcher m = GRAMMAR.matcher(lower);
    if (!m.matches()) {
      throw new VersionException("'" + original + "' is not a Composer version");
    }
    return m;
  }

  private static BigInteger num(String s) {
    return s == null ? BigInteger.ZERO : new BigInteger(s);
  }
}
