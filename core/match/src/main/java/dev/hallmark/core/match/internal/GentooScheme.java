package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gentoo ordering, the algorithm of the Package Manager Specification §3.3: numeric components
 * (later ones with a leading zero compared as strings with trailing zeros removed; more components
 * win), an optional letter, suffixes {@code _alpha < _beta < _pre < _rc < _p} with numbers, then
 * the {@code -rN} revision.
 */
public final class GentooScheme implements VersionScheme {
  private static final Pattern GRAMMAR =
      Pattern.compile(
          "([0-9]+(?:\\.[0-9]+)*)([a-z])?((?:_(?:alpha|beta|pre|rc|p)[0-9]*)*)(?:-r([0-9]+))?");
  private static final Pattern SUFFIX = Pattern.compile("_(alpha|beta|pre|rc|p)([0-9]*)");
  private static final List<String> ORDER = List.of("alpha", "beta", "pre", "rc", "p");

  private record Parsed(
      String[] components,
      String letter,
      List<String> suffixes,
      List<BigInteger> numbers,
      BigInteger revision) {}

  @Override
  public String name() {
    return "gentoo";
  }

  private static Parsed parse(String v) throws VersionException {
    Matcher m = GRAMMAR.matcher(v);
    if (!m.matches()) {
      throw new VersionException("'" + v + "' is not a Gentoo version");
    }
    List<String> suffixes = new ArrayList<>();
    List<BigInteger> numbers = new ArrayList<>();
    Matcher s = SUFFIX.matcher(m.group(3));
    while (s.find()) {
      suffixes.add(s.group(1));
      numbers.add(s.group(2).isEmpty() ? BigInteger.ZERO : new BigInteger(s.group(2)));
    }
    return new Parsed(
        m.group(1).split("\\."),
        m.group(2) == null ? "" : m.group(2),
        suffixes,
        numbers,
        m.group(4) == null ? BigInteger.ZERO : new BigInteger(m.group(4)));
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    Parsed x = parse(a);
    Parsed y = parse(b);
    int c = new BigInteger(x.components[0]).compareTo(new BigInteger(y.components[0]));
    if (c != 0) {
      return Integer.signum(c);
    }
    for (int i = 1; i < Math.min(x.components.length, y.components.length); i++) {
      String p = x.components[i];
      String q = y.components[i];
      if (p.startsWith("0") || q.startsWith("0")) {
        c = stripTrailingZeros(p).compareTo(stripTrailingZeros(q));
      } else {
        c = new BigInteger(p).compareTo(new BigInteger(q));
      }
      if (c != 0) {
        return Integer.signum(c);
      }
    }
    c = Integer.compare(x.components.length, y.components.length);
    if (c == 0) {
      c = x.letter.compareTo(y.letter);
    }
    if (c != 0) {
      return Integer.signum(c);
    }
    int n = Math.min(x.suffixes.size(), y.suffixes.size());
    for (int i = 0; i < n; i++) {
      c = Integer.compare(ORDER.indexOf(x.suffixes.get(i)), ORDER.indexOf(y.suffixes.get(i)));
      if (c == 0) {
        c = x.numbers.get(i).compareTo(y.numbers.get(i));
      }
      if (c != 0) {
        return Integer.signum(c);
      }
    }
    if (x.suffixes.size() > n) {
      return "p".equals(x.suffixes.get(n)) ? 1 : -1;
    }
    if (y.suffixes.size() > n) {
      return "p".equals(y.suffixes.get(n)) ? -1 : 1;
    }
    return Integer.signum(x.revision.compareTo(y.revision));
  }

  private static String stripTrailingZeros(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '0') {
      end--;
    }
    return s.substring(0, end);
  }
}
