package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.RangeException;
import dev.hallmark.core.match.VersConstraint;
import dev.hallmark.core.match.VersOperator;
import dev.hallmark.core.match.VersionException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparator-list range syntaxes → {@code vers} constraints: PyPI specifiers, RubyGems
 * requirements, Composer and Go (GitLab advisory database), Conan, nginx and OpenSSL advisory
 * lists. {@code ||} separates alternatives, {@code ,} or whitespace separates comparators.
 */
public final class ComparatorNative {
  private static final Pattern OP =
      Pattern.compile("^(===|==|!=|~=|~>|<=|>=|<|>|=|~|\\^)?\\s*(.*)$", Pattern.DOTALL);

  private ComparatorNative() {}

  /** A comparator with its operator text and version text. */
  private record Cmp(String op, String version) {}

  private static List<Cmp> comparators(String range, String separators) {
    List<Cmp> out = new ArrayList<>();
    for (String clause : range.split("\\|\\|")) {
      // Join an operator with its version when whitespace separates them (">= 1.0").
      String c = clause.trim().replaceAll("(===|==|!=|~=|~>|<=|>=|<|>|=|~|\\^)\\s+", "$1");
      for (String part : c.split(separators)) {
        String t = part.trim();
        if (t.isEmpty()) {
          continue;
        }
        Matcher m = OP.matcher(t);
        if (!m.matches()) {
          throw new IllegalStateException("unreachable: the pattern accepts every string");
        }
        out.add(new Cmp(m.group(1) == null ? "" : m.group(1), m.group(2)));
      }
    }
    return out;
  }

  private static VersOperator plain(String op, String range) throws RangeException {
    switch (op) {
      case "":
      case "=":
      case "==":
      case "===":
        return VersOperator.EQ;
      case "!=":
        return VersOperator.NE;
      case "<":
        return VersOperator.LT;
      case "<=":
        return VersOperator.LE;
      case ">":
        return VersOperator.GT;
      case ">=":
        return VersOperator.GE;
      default:
        throw new RangeException("operator '" + op + "' not supported in range '" + range + "'");
    }
  }

  /** PEP 440 specifiers; versions are written in their normalised PEP 440 form. */
  public static List<VersConstraint> pypi(String range) throws RangeException {
    List<VersConstraint> out = new ArrayList<>();
    for (Cmp c : comparators(range, ",")) {
      String v = c.version.replace(" ", "");
      if (c.op.equals("~=")) {
        Pep440 p = pep440(v);
        if (p.release().size() < 2) {
          throw new RangeException("'~=' needs at least two release numbers in '" + range + "'");
        }
        List<BigInteger> prefix = new ArrayList<>(p.release().subList(0, p.release().size() - 1));
        int last = prefix.size() - 1;
        prefix.set(last, prefix.get(last).add(BigInteger.ONE));
        out.add(new VersConstraint(VersOperator.GE, p.toString()));
        out.add(new VersConstraint(VersOperator.LT, join(prefix)));
      } else if (v.endsWith(".*") && (c.op.equals("==") || c.op.equals("!="))) {
        List<BigInteger> prefix = pep440(v.substring(0, v.length() - 2)).release();
        List<BigInteger> next = new ArrayList<>(prefix);
        next.set(next.size() - 1, next.get(next.size() - 1).add(BigInteger.ONE));
        if (c.op.equals("!=")) {
          throw new RangeException("'!= X.*' cannot be written as vers in '" + range + "'");
        }
        out.add(new VersConstraint(VersOperator.GE, join(prefix)));
        out.add(new VersConstraint(VersOperator.LT, join(next)));
      } else {
        out.add(new VersConstraint(plain(c.op, range), pep440(v).toString()));
      }
    }
    return nonEmpty(out, range);
  }

  private static Pep440 pep440(String v) throws RangeException {
    try {
      return Pep440.parse(v);
    } catch (VersionException e) {
      throw new RangeException(e.getMessage());
    }
  }

  private static String join(List<BigInteger> parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      sb.append(i == 0 ? "" : ".").append(parts.get(i));
    }
    return sb.toString();
  }

  /** RubyGems requirements; {@code ~> 2.2} is {@code >= 2.2, < 3}, versions as written. */
  public static List<VersConstraint> gem(String range) throws RangeException {
    List<VersConstraint> out = new ArrayList<>();
    for (Cmp c : comparators(range, ",|\\s+")) {
      if (c.op.equals("~>")) {
        out.add(new VersConstraint(VersOperator.GE, c.version));
        out.add(new VersConstraint(VersOperator.LT, gemBump(c.version, range)));
      } else {
        out.add(new VersConstraint(plain(c.op, range), c.version));
      }
    }
    return nonEmpty(out, range);
  }

  /** {@code Gem::Version#bump}: drop letter segments and what follows, drop the last, add one. */
  private static String gemBump(String v, String range) throws RangeException {
    List<BigInteger> parts = new ArrayList<>();
    Matcher m = Pattern.compile("[0-9]+|[a-zA-Z]+").matcher(v);
    while (m.find() && SemVer.allDigits(m.group())) {
      parts.add(new BigInteger(m.group()));
    }
    if (parts.isEmpty()) {
      throw new RangeException("'~> " + v + "' has no numeric part in '" + range + "'");
    }
    if (parts.size() > 1) {
      parts.remove(parts.size() - 1);
    }
    parts.set(parts.size() - 1, parts.get(parts.size() - 1).add(BigInteger.ONE));
    return join(parts);
  }

  /** Composer or Go (GitLab) comparators; versions coerced to SemVer shape. */
  public static List<VersConstraint> coerced(String range, String scheme) throws RangeException {
    List<VersConstraint> out = new ArrayList<>();
    for (Cmp c : comparators(range, ",|\\s+")) {
      String v = c.version;
      if (v.startsWith("v") || v.startsWith("V")) {
        v = v.substring(1);
      }
      String coerced = Coerce.semver(v);
      if (coerced == null) {
        throw new RangeException("'" + c.version + "' is not a " + scheme + " version");
      }
      out.add(new VersConstraint(plain(c.op, range), coerced));
    }
    return nonEmpty(out, range);
  }

  /**
   * Conan ranges: {@code ~} and {@code ^} expand to an upper bound ending in {@code -} (the lowest
   * prerelease of that version), a trailing {@code -} (include prereleases) is dropped, {@code *}
   * is {@code >=0.0.0}, options after a comma are ignored. An empty range has no constraint.
   */
  public static List<VersConstraint> conan(String range) throws RangeException {
    List<VersConstraint> out = new ArrayList<>();
    for (String alternative : range.split("\\|\\|")) {
      String a = alternative.trim();
      int comma = a.indexOf(',');
      if (comma >= 0) {
        a = a.substring(0, comma);
      }
      for (Cmp c : comparators(a, "\\s+")) {
        String v =
            c.version.endsWith("-") ? c.version.substring(0, c.version.length() - 1) : c.version;
        if (v.equals("*")) {
          out.add(new VersConstraint(VersOperator.GE, "0.0.0"));
        } else if (c.op.equals("~") || c.op.equals("^")) {
          String[] items = v.split("\\.");
          int index = 0;
          if (c.op.equals("~")) {
            index = items.length > 1 ? 1 : 0;
          } else {
            while (index < items.length - 1 && items[index].matches("0+")) {
              index++;
            }
          }
          out.add(new VersConstraint(VersOperator.GE, v));
          out.add(new VersConstraint(VersOperator.LT, conanBump(items, index, range) + "-"));
        } else {
          out.add(new VersConstraint(plain(c.op, range), v));
        }
      }
    }
    return out;
  }

  private static String conanBump(String[] items, int index, String range) throws RangeException {
    if (items.length == 0) {
      throw new RangeException("conan range '" + range + "' has nothing to bump");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i <= index; i++) {
      if (!SemVer.allDigits(items[i])) {
        throw new RangeException("cannot bump '" + items[i] + "' in conan range '" + range + "'");
      }
      BigInteger n = new BigInteger(items[i]);
      sb.append(i == 0 ? "" : ".").append(i == index ? n.add(BigInteger.ONE) : n);
    }
    return sb.toString();
  }

  /**
   * nginx advisory lists: {@code A-B} is {@code >=A|<=B}, a bare version is itself, {@code A+} is
   * {@code A} and later — within its branch when the minor number is even (a stable branch, which
   * ends), unbounded when it is odd (mainline, which continues into every later version).
   */
  public static List<VersConstraint> nginx(String range) throws RangeException {
    List<VersConstraint> out = new ArrayList<>();
    for (String item : range.split(",")) {
      String t = item.trim();
      if (t.isEmpty()) {
        continue;
      }
      int dash = t.indexOf('-');
      if (t.endsWith("+")) {
        String v = t.substring(0, t.length() - 1);
        String[] parts = v.split("\\.");
        if (parts.length < 2 || !SemVer.allDigits(parts[1])) {
          throw new RangeException("nginx version '" + v + "' has no minor number");
        }
        out.add(new VersConstraint(VersOperator.GE, v));
        BigInteger minor = new BigInteger(parts[1]);
        if (!minor.testBit(0)) {
          out.add(
              new VersConstraint(
                  VersOperator.LT, parts[0] + "." + minor.add(BigInteger.ONE) + ".0"));
        }
      } else if (dash > 0) {
        out.add(new VersConstraint(VersOperator.GE, t.substring(0, dash).trim()));
        out.add(new VersConstraint(VersOperator.LE, t.substring(dash + 1).trim()));
      } else {
        out.add(new VersConstraint(VersOperator.EQ, t));
      }
    }
    return nonEmpty(out, range);
  }

  /** OpenSSL advisory lists: comma-separated affected versions. */
  public static List<VersConstraint> list(String range) throws RangeException {
    List<VersConstraint> out = new ArrayList<>();
    for (String item : range.split(",")) {
      if (!item.isBlank()) {
        out.add(new VersConstraint(VersOperator.EQ, item.trim()));
      }
    }
    return nonEmpty(out, range);
  }

  private static List<VersConstraint> nonEmpty(List<VersConstraint> out, String range)
      throws RangeException {
    if (out.isEmpty()) {
      throw new RangeException("range '" + range + "' has no constraints");
    }
    return out;
  }
}
