package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.RangeException;
import dev.hallmark.core.match.VersConstraint;
import dev.hallmark.core.match.VersOperator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node-semver range syntax → {@code vers} constraints, with the conventions of the vers-spec {@code
 * from_native} vectors: {@code ^}, {@code ~}, x-ranges and hyphen ranges expand to {@code
 * >=low|<high} without node-semver's {@code -0} floor; {@code >=} in front of an x-range is dropped
 * as the vectors do ({@code >= 2.2.x} is {@code 2.2.x}), while {@code <}, {@code <=} and {@code >}
 * keep node-semver's meaning ({@code <1.2.x} is {@code <1.2.0}); a partial version without a
 * wildcard is coerced to three numbers ({@code 2.1} is {@code 2.1.0}); a clause of several bare
 * versions lists them all. The result is a flat, unsorted list (vers has no nesting).
 */
public final class NpmNative {
  private static final Pattern COMPARATOR =
      Pattern.compile("(<=|>=|<|>|=|~>|~|\\^)?\\s*([^\\s<>=~^]+)");
  private static final Pattern HYPHEN = Pattern.compile("^(\\S+)\\s+-\\s+(\\S+)$");

  private NpmNative() {}

  /** Converts a node-semver range. {@code *} (alone) yields {@code null}, meaning every version. */
  public static List<VersConstraint> convert(String range) throws RangeException {
    List<VersConstraint> out = new ArrayList<>();
    for (String clause : range.split("\\|\\|")) {
      String c = clause.trim();
      if (c.isEmpty()) {
        continue;
      }
      if (c.equals("*") || c.equals("x") || c.equals("X")) {
        if (range.trim().equals(c)) {
          return null;
        }
        out.add(new VersConstraint(VersOperator.GE, "0.0.0"));
        continue;
      }
      Matcher h = HYPHEN.matcher(c);
      if (h.matches()) {
        out.add(new VersConstraint(VersOperator.GE, full(h.group(1))));
        out.add(new VersConstraint(VersOperator.LE, full(h.group(2))));
        continue;
      }
      Matcher m = COMPARATOR.matcher(c);
      int at = 0;
      while (m.find()) {
        if (!c.substring(at, m.start()).isBlank()) {
          throw new RangeException("unreadable npm range '" + range + "'");
        }
        comparator(m.group(1) == null ? "" : m.group(1), m.group(2), out, range);
        at = m.end();
      }
      if (!c.substring(at).isBlank()) {
        throw new RangeException("unreadable npm range '" + range + "'");
      }
    }
    if (out.isEmpty()) {
      throw new RangeException("empty npm range '" + range + "'");
    }
    return out;
  }

  private static void comparator(String op, String version, List<VersConstraint> out, String range)
      throws RangeException {
    String v = version.startsWith("v") || version.startsWith("V") ? version.substring(1) : version;
    Partial p = Partial.of(v, range);
    switch (op) {
      case "^":
        out.add(new VersConstraint(VersOperator.GE, p.floor()));
        out.add(new VersConstraint(VersOperator.LT, p.caretCeiling()));
        return;
      case "~":
      case "~>":
        out.add(new VersConstraint(VersOperator.GE, p.floor()));
        out.add(new VersConstraint(VersOperator.LT, p.tildeCeiling()));
        return;
      default:
        break;
    }
    if (p.wildcard) {
      if (p.missing == 3) {
        out.add(new VersConstraint(VersOperator.GE, "0.0.0"));
        return;
      }
      switch (op) {
        case "<":
          // node-semver: <1.2.x is <1.2.0
          out.add(new VersConstraint(VersOperator.LT, p.floor()));
          return;
        case "<=":
          // <=1.2.x is <1.3.0
          out.add(new VersConstraint(VersOperator.LT, p.xCeiling()));
          return;
        case ">":
          // >1.2.x is >=1.3.0
          out.add(new VersConstraint(VersOperator.GE, p.xCeiling()));
          return;
        default:
          // bare, '=' and (by the vectors' convention) '>=': the x-range itself
          out.add(new VersConstraint(VersOperator.GE, p.floor()));
          out.add(new VersConstraint(VersOperator.LT, p.xCeiling()));
          return;
      }
    }
    VersOperator o;
    switch (op) {
      case ">=":
        o = VersOperator.GE;
        break;
      case "<=":
        o = VersOperator.LE;
        break;
      case ">":
        o = VersOperator.GT;
        break;
      case "<":
        o = VersOperator.LT;
        break;
      default:
        o = VersOperator.EQ;
        break;
    }
    out.add(new VersConstraint(o, full(v)));
  }

  private static String full(String v) throws RangeException {
    String s = v.startsWith("v") || v.startsWith("V") ? v.substring(1) : v;
    String c = Coerce.semver(s);
    if (c == null) {
      throw new RangeException("'" + v + "' is not a version");
    }
    return c;
  }

  /** A possibly partial version {@code 1}, {@code 1.2}, {@code 1.x}, {@code 1.2.3-pre}. */
  private static final class Partial {
    final List<BigInteger> numbers = new ArrayList<>();
    int missing;
    boolean wildcard;
    String tail = "";

    static Partial of(String v, String range) throws RangeException {
      Partial p = new Partial();
      Matcher m =
          Pattern.compile("^([0-9]+|[xX*])(?:\\.([0-9]+|[xX*]))?(?:\\.([0-9]+|[xX*]))?(.*)$")
              .matcher(v);
      if (!m.matches()) {
        throw new RangeException("'" + v + "' in npm range '" + range + "' is not a version");
      }
      for (int g = 1; g <= 3; g++) {
        String part = m.group(g);
        if (part == null || part.equalsIgnoreCase("x") || part.equals("*")) {
          p.wildcard |= part != null;
          p.missing = p.missing == 0 ? 4 - g : p.missing;
          for (int k = g; k <= 3; k++) {
            if (m.group(k) != null && SemVer.allDigits(m.group(k))) {
              throw new RangeException("npm range '" + range + "' has a number after a wildcard");
            }
          }
          break;
        }
        p.numbers.add(new BigInteger(part));
      }
      p.tail = m.group(4);
      return p;
    }

    String floor() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        sb.append(i == 0 ? "" : ".").append(i < numbers.size() ? numbers.get(i) : "0");
      }
      return numbers.size() == 3 ? sb + tail : sb.toString();
    }

    private static String bump(List<BigInteger> n, int index) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        BigInteger x =
            i < index ? n.get(i) : i == index ? n.get(i).add(BigInteger.ONE) : BigInteger.ZERO;
        sb.append(i == 0 ? "" : ".").append(x);
      }
      return sb.toString();
    }

    String caretCeiling() {
      for (int i = 0; i < numbers.size(); i++) {
        if (numbers.get(i).signum() != 0 || i == numbers.size() - 1) {
          return bump(numbers, i);
        }
      }
      return "1.0.0";
    }

    String tildeCeiling() {
      if (numbers.isEmpty()) {
        return "1.0.0";
      }
      return bump(numbers, numbers.size() == 1 ? 0 : 1);
    }

    String xCeiling() {
      return bump(numbers, numbers.size() - 1);
    }
  }
}
