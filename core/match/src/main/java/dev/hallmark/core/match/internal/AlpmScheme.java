package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;

/**
 * Arch Linux (pacman) ordering: {@code [epoch:]version[-pkgrel]}; epoch numerically, version with
 * pacman's segment comparison, pkgrel only when both sides have one. pacman's segment comparison
 * differs from RPM's: more separators before a segment win, no tilde/caret, and at the end an alpha
 * remainder is older than nothing while any other remainder is newer.
 */
public final class AlpmScheme implements VersionScheme {
  @Override
  public String name() {
    return "alpm";
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    return Evr.compare(Evr.parse("alpm", a), Evr.parse("alpm", b), AlpmScheme::segments, true);
  }

  private static boolean letter(String s, int i) {
    if (i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static int segments(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int si = i;
      int sj = j;
      while (i < a.length() && !RpmScheme.alnum(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && !RpmScheme.alnum(b.charAt(j))) {
        j++;
      }
      if (i >= a.length() || j >= b.length()) {
        break;
      }
      if (i - si != j - sj) {
        return i - si < j - sj ? -1 : 1;
      }
      boolean numeric = RpmScheme.digit(a.charAt(i));
      si = i;
      sj = j;
      if (numeric) {
        while (i < a.length() && RpmScheme.digit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && RpmScheme.digit(b.charAt(j))) {
          j++;
        }
      } else {
        while (letter(a, i)) {
          i++;
        }
        while (letter(b, j)) {
          j++;
        }
      }
      if (j == sj) {
        return numeric ? 1 : -1;
      }
      String x = a.substring(si, i);
      String y = b.substring(sj, j);
      int c;
      if (numeric) {
        x = RpmScheme.stripZeros(x);
        y = RpmScheme.stripZeros(y);
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
    return (ae && !letter(b, j)) || letter(a, i) ? -1 : 1;
  }
}
