package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;

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
    return Evr.compare(split(a), split(b), DebScheme::verrevcmp, false);
  }

  /**
   * Splits (surrounding blanks ignored) and checks dpkg's rules: starts with a digit, no odd
   * characters.
   */
  private static Evr split(String v) throws VersionException {
    String s = v.strip();
    Evr parts = Evr.parse("deb", s);
    if (parts.version().isEmpty() || !RpmScheme.digit(parts.version().charAt(0))) {
      throw new VersionException("deb version '" + v + "' does not start with a digit");
    }
    for (int i = s.indexOf(':') + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(RpmScheme.alnum(c) || ".+-~:".indexOf(c) >= 0)) {
        throw new VersionException("deb version '" + v + "' has an invalid character '" + c + "'");
      }
    }
    return parts;
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
