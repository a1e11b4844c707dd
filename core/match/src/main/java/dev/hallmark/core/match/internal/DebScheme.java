package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;

/**
 * Debian (dpkg) ordering: {@code [epoch:]upstream[-revision]}, epoch numerically, then upstream and
 * revision with dpkg's {@code verrevcmp} (tilde before everything, letters before other characters,
 * digit runs numerically).
 */
public final class DebScheme implements VersionScheme {
  @Override
  public String name() {
    return "deb";
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    String[] x = split(a);
    String[] y = split(b);
    int c = new BigInteger(x[0]).compareTo(new BigInteger(y[0]));
    if (c == 0) {
      c = verrevcmp(x[1], y[1]);
    }
    if (c == 0) {
      c = verrevcmp(x[2], y[2]);
    }
    return Integer.signum(c);
  }

  private static String[] split(String v) throws VersionException {
    String s = v.strip();
    if (s.isEmpty()) {
      throw new VersionException("deb version is empty");
    }
    String epoch = "0";
    int colon = s.indexOf(':');
    if (colon >= 0) {
      epoch = s.substring(0, colon);
      s = s.substring(colon + 1);
      if (!SemVer.allDigits(epoch)) {
        throw new VersionException("deb version '" + v + "' has a non-numeric epoch");
      }
    }
    int dash = s.lastIndexOf('-');
    String upstream = dash >= 0 ? s.substring(0, dash) : s;
    String revision = dash >= 0 ? s.substring(dash + 1) : "";
    if (upstream.isEmpty() || !RpmScheme.digit(upstream.charAt(0))) {
      throw new VersionException("deb version '" + v + "' does not start with a digit");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(RpmScheme.alnum(c) || ".+-~:".indexOf(c) >= 0)) {
        throw new VersionException("deb version '" + v + "' has an invalid character '" + c + "'");
      }
    }
    return new String[] {epoch, upstream, revision};
  }

  private static int order(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (RpmScheme.digit(c)) {
      return 0;
    }
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  /** dpkg's comparison of two upstream (or revision) strings. */
  static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      int firstDiff = 0;
      while ((i < a.length() && !RpmScheme.digit(a.charAt(i)))
          || (j < b.length() && !RpmScheme.digit(b.charAt(j)))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return ac - bc;
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      while (i < a.length()
          && RpmScheme.digit(a.charAt(i))
          && j < b.length()
          && RpmScheme.digit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < a.length() && RpmScheme.digit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && RpmScheme.digit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return firstDiff;
      }
    }
    return 0;
  }
}
