package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Conan 2 ordering: {@code items[-prerelease][+build]}; dot-separated items, trailing zero items
 * ignored ({@code 1 = 1.0.0}), items compared numerically when both are numbers and as strings
 * otherwise, a shorter item list lower; a prerelease is lower than no prerelease; a build is higher
 * than no build. Prerelease and build are themselves compared as Conan versions.
 */
public final class ConanScheme implements VersionScheme {
  private record Parsed(List<String> items, Parsed pre, Parsed build) {}

  @Override
  public String name() {
    return "conan";
  }

  private static Parsed parse(String text) throws VersionException {
    String v = text.strip();
    Parsed build = null;
    int plus = v.lastIndexOf('+');
    if (plus >= 0) {
      build = parse(v.substring(plus + 1));
      v = v.substring(0, plus);
    }
    Parsed pre = null;
    int dash = v.lastIndexOf('-');
    if (dash >= 0) {
      pre = parse(v.substring(dash + 1));
      v = v.substring(0, dash);
    }
    List<String> items = new ArrayList<>(List.of(v.split("\\.", -1)));
    while (!items.isEmpty() && isZero(items.get(items.size() - 1))) {
      items.remove(items.size() - 1);
    }
    return new Parsed(items, pre, build);
  }

  private static boolean isZero(String item) {
    return SemVer.allDigits(item) && new BigInteger(item).signum() == 0;
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    return Integer.signum(compare(parse(a), parse(b)));
  }

  private static int compare(Parsed x, Parsed y) {
    int c = compareItems(x.items, y.items);
    if (c != 0) {
      return c;
    }
    if (x.pre != null || y.pre != null) {
      if (x.pre == null || y.pre == null) {
        return x.pre == null ? 1 : -1;
      }
      c = compare(x.pre, y.pre);
      if (c != 0) {
        return c;
      }
    }
    if (x.build != null || y.build != null) {
      if (x.build == null || y.build == null) {
        return x.build == null ? -1 : 1;
      }
      return compare(x.build, y.build);
    }
    return 0;
  }

  private static int compareItems(List<String> x, List<String> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      String p = x.get(i);
      String q = y.get(i);
      int c =
          SemVer.allDigits(p) && SemVer.allDigits(q)
              ? new BigInteger(p).compareTo(new BigInteger(q))
              : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }
}
