package dev.hallmark.core.match;

import dev.hallmark.core.match.internal.PercentCoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code vers} version range: {@code vers:<scheme>/<constraint>|<constraint>...} or {@code
 * vers:<scheme>/*}. Two readers: {@link #parse} for strings that claim to be canonical (rejects
 * whitespace, stray pipes, unsorted constraints and non-canonical percent-encoding) and {@link
 * #normalize} for foreign data (removes whitespace and stray pipes, sorts stably by version, keeps
 * repeated constraints). Neither simplifies.
 *
 * @param scheme the lower-case versioning scheme
 * @param any {@code true} for {@code *} (every version)
 * @param constraints the constraints, sorted by version; empty for {@code *}
 */
public record VersRange(String scheme, boolean any, List<VersConstraint> constraints) {
  private static final String NON_CANONICAL = "non-canonical VERS: ";

  /** Validates the shape (sorting is checked by the readers, which know the scheme). */
  public VersRange {
    constraints = List.copyOf(constraints);
    if (scheme == null || scheme.isEmpty() || !scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("vers scheme must be non-empty lower-case");
    }
    if (any && !constraints.isEmpty()) {
      throw new IllegalArgumentException("'*' stands alone in a vers range");
    }
  }

  /** Strict reading of a canonical {@code vers} string. */
  public static VersRange parse(String text, VersionSchemes schemes) throws RangeException {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        throw new RangeException(NON_CANONICAL + "whitespace is not permitted");
      }
    }
    String[] head = head(text);
    VersionScheme scheme = scheme(head[0], schemes);
    String body = head[1];
    if (body.equals("*")) {
      return new VersRange(head[0], true, List.of());
    }
    if (body.startsWith("|")) {
      throw new RangeException(NON_CANONICAL + "leading pipe is not permitted");
    }
    if (body.endsWith("|")) {
      throw new RangeException(NON_CANONICAL + "trailing pipe is not permitted");
    }
    if (body.contains("||")) {
      throw new RangeException(NON_CANONICAL + "consecutive pipes are not permitted");
    }
    if (body.isEmpty()) {
      throw new RangeException("vers range has no constraints");
    }
    List<VersConstraint> out = new ArrayList<>();
    for (String raw : body.split("\\|", -1)) {
      VersOperator op = VersOperator.prefixOf(raw);
      if (raw.startsWith("=")) {
        throw new RangeException(NON_CANONICAL + "'=' is implied and not written");
      }
      String encoded = raw.substring(op.symbol().length());
      checkCanonicalPercent(encoded);
      if (head[0].equals("datetime")) {
        if (encoded.contains("%3A")) {
          throw new RangeException(NON_CANONICAL + "datetime time colons must be unencoded");
        }
        if (encoded.indexOf('t') >= 0 || encoded.indexOf('z') >= 0) {
          throw new RangeException(NON_CANONICAL + "datetime must use uppercase T and Z");
        }
      }
      out.add(constraint(op, decode(encoded)));
    }
    for (int i = 1; i < out.size(); i++) {
      if (compare(scheme, out.get(i - 1).version(), out.get(i).version()) > 0) {
        throw new RangeException(NON_CANONICAL + "constraints are not sorted by version");
      }
    }
    return new VersRange(head[0], false, out);
  }

  /**
   * Lenient reading: spaces and tabs removed, leading/trailing/repeated pipes dropped, {@code =}
   * accepted, constraints sorted stably by version.
   */
  public static VersRange normalize(String text, VersionSchemes schemes) throws RangeException {
    String compact = text.replace(" ", "").replace("\t", "");
    String[] head = head(compact);
    VersionScheme scheme = scheme(head[0], schemes);
    String body = head[1].replaceAll("^\\|+|\\|+$", "");
    if (body.equals("*")) {
      return new VersRange(head[0], true, List.of());
    }
    List<VersConstraint> out = new ArrayList<>();
    for (String raw : body.split("\\|")) {
      if (raw.isEmpty()) {
        continue;
      }
      VersOperator op = VersOperator.prefixOf(raw);
      String v =
          raw.substring(op == VersOperator.EQ && raw.startsWith("=") ? 1 : op.symbol().length());
      checkPercent(v);
      out.add(constraint(op, decode(v)));
    }
    if (out.isEmpty()) {
      throw new RangeException("vers range '" + text + "' has no constraints");
    }
    return new VersRange(head[0], false, sort(out, scheme));
  }

  /**
   * Sorts constraints by version under {@code scheme}; constraints on equal versions are ordered by
   * operator spelling ({@code != < <= = > >=}, so {@code <=1.5|>=1.5}), otherwise kept in order.
   */
  public static List<VersConstraint> sort(List<VersConstraint> in, VersionScheme scheme)
      throws RangeException {
    List<VersConstraint> out = new ArrayList<>();
    for (VersConstraint c : in) {
      int at = out.size();
      while (at > 0 && after(out.get(at - 1), c, scheme)) {
        at--;
      }
      out.add(at, c);
    }
    return out;
  }

  private static boolean after(VersConstraint a, VersConstraint b, VersionScheme scheme)
      throws RangeException {
    int c = compare(scheme, a.version(), b.version());
    return c > 0 || c == 0 && spelling(a).compareTo(spelling(b)) > 0;
  }

  private static String spelling(VersConstraint c) {
    return c.operator() == VersOperator.EQ ? "=" : c.operator().symbol();
  }

  /**
   * Whether {@code version} lies in this range, with the containment algorithm of the vers
   * specification (plus the single-constraint rule every implementation adds).
   */
  public boolean contains(String version, VersionSchemes schemes) throws RangeException {
    if (any) {
      return true;
    }
    VersionScheme scheme = scheme(this.scheme, schemes);
    List<VersConstraint> rest = new ArrayList<>();
    for (VersConstraint c : constraints) {
      VersOperator op = c.operator();
      boolean equal = compare(scheme, version, c.version()) == 0;
      if (equal && (op == VersOperator.EQ || op == VersOperator.LE || op == VersOperator.GE)) {
        return true;
      }
      if (equal && op == VersOperator.NE) {
        return false;
      }
      if (op != VersOperator.EQ && op != VersOperator.NE) {
        rest.add(c);
      }
    }
    if (rest.isEmpty()) {
      return false;
    }
    if (rest.size() == 1) {
      return satisfies(rest.get(0), version, scheme);
    }
    for (int i = 0; i + 1 < rest.size(); i++) {
      VersConstraint cur = rest.get(i);
      VersConstraint next = rest.get(i + 1);
      if (i == 0 && isUpper(cur) && compare(scheme, version, cur.version()) < 0) {
        return true;
      }
      if (i + 2 == rest.size() && !isUpper(next) && compare(scheme, version, next.version()) > 0) {
        return true;
      }
      if (!isUpper(cur)
          && isUpper(next)
          && compare(scheme, version, cur.version()) > 0
          && compare(scheme, version, next.version()) < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUpper(VersConstraint c) {
    return c.operator() == VersOperator.LT || c.operator() == VersOperator.LE;
  }

  private static boolean satisfies(VersConstraint c, String version, VersionScheme scheme)
      throws RangeException {
    try {
      return c.satisfiedBy(version, scheme);
    } catch (VersionException e) {
      throw new RangeException(e.getMessage());
    }
  }

  /**
   * Checks that every constraint's version is valid in this range's scheme. The readers do not (a
   * {@code vers} string is well formed whatever its versions look like); call this for input that
   * must be usable for containment.
   */
  public void checkVersions(VersionSchemes schemes) throws RangeException {
    VersionScheme s = scheme(scheme, schemes);
    for (VersConstraint c : constraints) {
      try {
        s.validate(c.version());
      } catch (VersionException e) {
        throw new RangeException("vers range " + this + ": " + e.getMessage());
      }
    }
  }

  /** The canonical string: {@code vers:<scheme>/<c1>|<c2>...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("vers:").append(scheme).append('/');
    if (any) {
      return sb.append('*').toString();
    }
    for (int i = 0; i < constraints.size(); i++) {
      sb.append(i == 0 ? "" : "|").append(constraints.get(i));
    }
    return sb.toString();
  }

  private static String[] head(String text) throws RangeException {
    if (!text.startsWith("vers:")) {
      throw new RangeException("a vers range starts with 'vers:'");
    }
    int slash = text.indexOf('/', 5);
    if (slash < 0) {
      throw new RangeException("vers range '" + text + "' has no '/' after the scheme");
    }
    String scheme = text.substring(5, slash);
    if (scheme.isEmpty() || !scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
      throw new RangeException("vers scheme '" + scheme + "' must be non-empty lower-case");
    }
    return new String[] {scheme, text.substring(slash + 1)};
  }

  private static VersionScheme scheme(String name, VersionSchemes schemes) throws RangeException {
    return schemes
        .byName(name)
        .orElseThrow(() -> new RangeException("unknown vers scheme '" + name + "'"));
  }

  private static VersConstraint constraint(VersOperator op, String version) throws RangeException {
    if (version.isEmpty()) {
      throw new RangeException("vers constraint has an empty version");
    }
    if (version.equals("*")) {
      throw new RangeException("'*' stands alone in a vers range");
    }
    if ("=<>!".indexOf(version.charAt(0)) >= 0) {
      throw new RangeException("vers constraint '" + version + "' has more than one operator");
    }
    return new VersConstraint(op, version);
  }

  private static int compare(VersionScheme scheme, String a, String b) throws RangeException {
    try {
      return scheme.compare(a, b);
    } catch (VersionException e) {
      throw new RangeException(e.getMessage());
    }
  }

  private static boolean hex(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f';
  }

  private static void checkPercent(String v) throws RangeException {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '%') {
        if (i + 2 >= v.length() || !hex(v.charAt(i + 1)) || !hex(v.charAt(i + 2))) {
          throw new RangeException(NON_CANONICAL + "invalid percent-encoding in version");
        }
      }
    }
  }

  private static void checkCanonicalPercent(String v) throws RangeException {
    checkPercent(v);
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '%') {
        char a = v.charAt(i + 1);
        char b = v.charAt(i + 2);
        if (a >= 'a' && a <= 'f' || b >= 'a' && b <= 'f') {
          throw new RangeException(NON_CANONICAL + "percent-encoding in version is not canonical");
        }
      }
    }
  }

  /** Percent-decodes once, as UTF-8. */
  static String decode(String v) throws RangeException {
    String d = PercentCoding.decode(v);
    if (d == null) {
      throw new RangeException(NON_CANONICAL + "invalid percent-encoding in version");
    }
    return d;
  }
}
