package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems ({@code Gem::Version}) ordering: {@code -} means a prerelease ({@code 1.0-1} is {@code
 * 1.0.pre.1}); segments are digit runs or letter runs; trailing zero segments are ignored (before
 * the first letter segment and at the end); numbers compare numerically, letters lexically, a
 * letter segment is lower than a number. Not SemVer.
 */
public final class GemScheme implements VersionScheme {
  private static final Pattern VALID =
      Pattern.compile("[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

  @Override
  public String name() {
    return "gem";
  }

  static List<Object> segments(String text) throws VersionException {
    String v = text.strip();
    if (v.isEmpty()) {
      v = "0";
    }
    if (!VALID.matcher(v).matches()) {
      throw new VersionException("'" + text + "' is not a RubyGems version");
    }
    v = v.replace("-", ".pre.");
    List<Object> raw = new ArrayList<>();
    Matcher m = SEGMENT.matcher(v);
    while (m.find()) {
      String s = m.group();
      raw.add(SemVer.allDigits(s) ? new BigInteger(s) : s);
    }
    int firstString = raw.size();
    for (int i = 0; i < raw.size(); i++) {
      if (raw.get(i) instanceof String) {
        firstString = i;
        break;
      }
    }
    List<Object> numeric = new ArrayList<>(raw.subList(0, firstString));
    List<Object> rest = new ArrayList<>(raw.subList(firstString, raw.size()));
    trimZeros(numeric);
    trimZeros(rest);
    numeric.addAll(rest);
    return numeric;
  }

  private static void trimZeros(List<Object> l) {
    while (!l.isEmpty()
        && l.get(l.size() - 1) instanceof BigInteger
        && ((BigInteger) l.get(l.size() - 1)).signum() == 0) {
      l.remove(l.size() - 1);
    }
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    List<Object> x = segments(a);
    List<Object> y = segments(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      Object p = i < x.size() ? x.get(i) : BigInteger.ZERO;
      Object q = i < y.size() ? y.get(i) : BigInteger.ZERO;
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
    return 0;
  }
}
