package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The fallback ordering for schemes without rules of their own ({@code generic}, {@code nginx}):
 * digit runs compared numerically, letter runs lexically, a number above a letter run, separators
 * ignored, the longer version higher. Matches made with it are weaker evidence than ecosystem
 * orderings; callers should say so.
 */
public final class GenericScheme implements VersionScheme {
  private final String name;

  /** A generic ordering registered under {@code name}. */
  public GenericScheme(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  private static List<Object> parts(String v) throws VersionException {
    if (v.isEmpty()) {
      throw new VersionException("version is empty");
    }
    List<Object> out = new ArrayList<>();
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      int start = i;
      if (RpmScheme.digit(c)) {
        while (i < v.length() && RpmScheme.digit(v.charAt(i))) {
          i++;
        }
        out.add(new BigInteger(v.substring(start, i)));
      } else if (Character.isLetter(c)) {
        while (i < v.length() && Character.isLetter(v.charAt(i))) {
          i++;
        }
        out.add(v.substring(start, i));
      } else {
        i++;
      }
    }
    return out;
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    List<Object> x = parts(a);
    List<Object> y = parts(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      int c;
      if (p instanceof BigInteger && q instanceof BigInteger) {
        c = ((BigInteger) p).compareTo((BigInteger) q);
      } else if (p instanceof String && q instanceof String) {
        c = ((String) p).compareTo((String) q);
      } else {
        c = p instanceof String ? -1 : 1;
      }
      if (c != 0) {
        return Integer.signum(c);
      }
    }
    int c = Integer.compare(x.size(), y.size());
    return c;
  }
}
