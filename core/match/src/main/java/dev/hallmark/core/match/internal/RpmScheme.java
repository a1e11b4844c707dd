package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;

/**
 * RPM ordering: {@code [epoch:]version[-release]}, epoch (missing = 0) numerically, then version
 * and release with {@code rpmvercmp} as RPM ≥ 4.15 defines it (tilde sorts before everything, caret
 * after the base version but before any further segment, numeric segments newer than alpha ones).
 */
public final class RpmScheme implements VersionScheme {
  @Override
  public String name() {
    return "rpm";
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    return Evr.compare(split(a), split(b), RpmScheme::rpmvercmp, false);
  }

  /** Splits and checks: the version part must not be empty (a missing release is empty). */
  static Evr split(String evr) throws VersionException {
    Evr parts = Evr.parse("rpm", evr);
    if (parts.version().isEmpty()) {
      throw new VersionException("rpm version '" + evr + "' has an empty version part");
    }
    return parts;
  }

  static boolean alnum(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** RPM's segment comparison of two version (or release) strings. */
  public static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.length() && !alnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
        i++;
      }
      while (j < b.length() && !alnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
        j++;
      }
      boolean at = i < a.length() && a.charAt(i) == '~';
      boolean bt = j < b.length() && b.charAt(j) == '~';
      if (at || bt) {
        if (!at) {
          return 1;
        }
        if (!bt) {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      boolean ac = i < a.length() && a.charAt(i) == '^';
      boolean bc = j < b.length() && b.charAt(j) == '^';
      if (ac || bc) {
        if (i >= a.length()) {
          return -1;
        }
        if (j >= b.length()) {
          return 1;
        }
        if (!ac) {
          return 1;
        }
        if (!bc) {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (i >= a.length() || j >= b.length()) {
        break;
      }
      boolean numeric = digit(a.charAt(i));
      int si = i;
      int sj = j;
      if (numeric) {
        while (i < a.length() && digit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && digit(b.charAt(j))) {
          j++;
        }
      } else {
        while (i < a.length() && isLetter(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && isLetter(b.charAt(j))) {
          j++;
        }
      }
      String x = a.substring(si, i);
      String y = b.substring(sj, j);
      if (y.isEmpty()) {
        return numeric ? 1 : -1;
      }
      int c;
      if (numeric) {
        x = stripZeros(x);
        y = stripZeros(y);
        c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c < 0 ? -1 : 1;
      }
    }
    boolean ae = i >= a.length();
    boolean be = j >= b.length();
    if (ae && be) {
      return 0;
    }
    return ae ? -1 : 1;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static String stripZeros(String s) {
    int k = 0;
    while (k < s.length() - 1 && s.charAt(k) == '0') {
      k++;
    }
    return s.substring(k);
  }
}
