package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Alpine (apk) ordering. A version is read as a token stream — a first number, then {@code
 * .}-components, an optional lower-case letter, {@code _suffix[N]} parts and {@code -rN} — each
 * token carrying a kind and a value. Two versions are compared token by token: first the values,
 * then, where one stream has a different next kind, the kinds in the order component < letter <
 * suffix < suffix number < revision < end (so the longer version wins, except that a following
 * pre-release suffix {@code _alpha/_beta/_pre/_rc} makes a version lower). A {@code .} component
 * with leading zeros is read as minus the number of zeros, followed by the remaining digits, which
 * orders it like a decimal fraction.
 */
public final class ApkScheme implements VersionScheme {
  private static final List<String> PRE = List.of("alpha", "beta", "pre", "rc");
  private static final List<String> POST = List.of("cvs", "svn", "git", "hg", "p");

  private static final int COMPONENT = 0;
  private static final int NUMBER = 1;
  private static final int LETTER = 2;
  private static final int SUFFIX = 3;
  private static final int SUFFIX_NUMBER = 4;
  private static final int REVISION = 5;
  private static final int END = 6;

  private record Token(int kind, BigInteger value) {}

  @Override
  public String name() {
    return "apk";
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    List<Token> x = tokens(a);
    List<Token> y = tokens(b);
    for (int i = 0; ; i++) {
      Token tx = x.get(i);
      Token ty = y.get(i);
      if (tx.kind != ty.kind) {
        if (tx.kind == SUFFIX && tx.value.signum() < 0) {
          return -1;
        }
        if (ty.kind == SUFFIX && ty.value.signum() < 0) {
          return 1;
        }
        return tx.kind > ty.kind ? -1 : 1;
      }
      if (tx.kind == END) {
        return 0;
      }
      int c = tx.value.compareTo(ty.value);
      if (c != 0) {
        return c;
      }
    }
  }

  private static List<Token> tokens(String v) throws VersionException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = v.length();
    int start = i;
    while (i < n && RpmScheme.digit(v.charAt(i))) {
      i++;
    }
    if (i == start) {
      throw new VersionException("apk version '" + v + "' does not start with a digit");
    }
    out.add(new Token(NUMBER, new BigInteger(v.substring(start, i))));
    int kind = NUMBER;
    while (i < n) {
      char c = v.charAt(i);
      int next;
      if ((kind == NUMBER || kind == COMPONENT) && c >= 'a' && c <= 'z') {
        next = LETTER;
        out.add(new Token(LETTER, BigInteger.valueOf(c)));
        i++;
      } else if ((kind == LETTER || kind == SUFFIX) && RpmScheme.digit(c)) {
        next = kind == LETTER ? NUMBER : SUFFIX_NUMBER;
        start = i;
        while (i < n && RpmScheme.digit(v.charAt(i))) {
          i++;
        }
        out.add(new Token(next, new BigInteger(v.substring(start, i))));
      } else if (c == '.') {
        next = COMPONENT;
        i++;
        int zeros = 0;
        while (i < n && v.charAt(i) == '0') {
          zeros++;
          i++;
        }
        start = i;
        while (i < n && RpmScheme.digit(v.charAt(i))) {
          i++;
        }
        if (zeros > 0) {
          out.add(new Token(COMPONENT, BigInteger.valueOf(-zeros)));
          if (i < n || start < i) {
            // the digits after the zeros (possibly none) are a token of their own
            out.add(
                new Token(
                    NUMBER, start == i ? BigInteger.ZERO : new BigInteger(v.substring(start, i))));
            next = NUMBER;
          }
        } else if (start == i) {
          throw new VersionException("apk version '" + v + "' has an empty component");
        } else {
          out.add(new Token(COMPONENT, new BigInteger(v.substring(start, i))));
        }
      } else if (c == '_') {
        next = SUFFIX;
        i++;
        int value = suffix(v, i);
        i += (value < 0 ? PRE.get(value + PRE.size()) : POST.get(value)).length();
        out.add(new Token(SUFFIX, BigInteger.valueOf(value)));
      } else if (c == '-' && i + 1 < n && v.charAt(i + 1) == 'r') {
        next = REVISION;
        i += 2;
        start = i;
        while (i < n && RpmScheme.digit(v.charAt(i))) {
          i++;
        }
        out.add(
            new Token(
                REVISION, start == i ? BigInteger.ZERO : new BigInteger(v.substring(start, i))));
      } else {
        throw new VersionException("apk version '" + v + "' has an invalid character at " + i);
      }
      boolean allowedBackStep =
          next == COMPONENT && kind == NUMBER
              || next == SUFFIX && kind == SUFFIX_NUMBER
              || next == NUMBER && kind == LETTER;
      if (next < kind && !allowedBackStep) {
        throw new VersionException("apk version '" + v + "' has parts out of order at " + i);
      }
      kind = next;
    }
    out.add(new Token(END, BigInteger.ZERO));
    return out;
  }

  private static int suffix(String v, int at) throws VersionException {
    for (int k = 0; k < PRE.size(); k++) {
      if (v.startsWith(PRE.get(k), at)) {
        return k - PRE.size();
      }
    }
    for (int k = 0; k < POST.size(); k++) {
      if (v.startsWith(POST.get(k), at)) {
        return k;
      }
    }
    throw new VersionException("apk version '" + v + "' has an unknown suffix at " + at);
  }
}
