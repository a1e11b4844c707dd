package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.CpeException;
import dev.hallmark.core.match.CpeRelation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CPE 2.3 bindings (NISTIR 7695 §6: formatted string and 2.2 URI) and attribute comparison
 * (NISTIR 7696 §6.1). Attribute values are held in formatted-string notation: {@code *} ANY, {@code
 * -} NA, otherwise lower-case with {@code \} before every character other than a letter, digit,
 * {@code _}, {@code .} or {@code -}, and unescaped {@code *}/{@code ?} as wildcards at the ends.
 */
public final class CpeCodec {
  private static final int ATTRIBUTES = 11;

  private CpeCodec() {}

  /** Splits and checks a {@code cpe:2.3:...} string into its eleven attribute values. */
  public static String[] fromFormattedString(String text) throws CpeException {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw new CpeException("CPE ends with a lone backslash");
        }
        cur.append(c).append(text.charAt(++i));
      } else if (c == ':') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    if (parts.size() != 2 + ATTRIBUTES) {
      throw new CpeException(
          "CPE 2.3 formatted string has " + (parts.size() - 2) + " attributes, not 11");
    }
    String[] out = new String[ATTRIBUTES];
    for (int i = 0; i < ATTRIBUTES; i++) {
      out[i] = fsValue(parts.get(i + 2), i);
    }
    return out;
  }

  private static boolean plain(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
  }

  private static String fsValue(String raw, int index) throws CpeException {
    if (raw.isEmpty()) {
      throw new CpeException("CPE attribute " + index + " is empty");
    }
    if (raw.equals("*") || raw.equals("-")) {
      return raw;
    }
    String v = raw.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    int n = v.length();
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        char e = v.charAt(++i);
        if (e < 0x21 || e > 0x7e) {
          throw new CpeException("CPE attribute " + index + " escapes a non-printable character");
        }
        // '.', '-' and '_' need no escape; keep it only where the value would read as NA.
        sb.append(plain(e) && !(n == 2 && e == '-') ? "" : "\\").append(e);
      } else if (c == '*' || c == '?') {
        sb.append(c);
      } else if (plain(c)) {
        sb.append(c);
      } else {
        throw new CpeException(
            "CPE attribute " + index + " has an unescaped '" + c + "' (must be quoted with \\)");
      }
    }
    checkWildcards(sb.toString(), index);
    if (index == 0 && !List.of("a", "o", "h").contains(sb.toString())) {
      throw new CpeException("CPE part '" + raw + "' is not a, o or h");
    }
    return sb.toString();
  }

  /** Splits and decodes a {@code cpe:/...} URI into the eleven attribute values. */
  public static String[] fromUri(String text) throws CpeException {
    if (!text.regionMatches(true, 0, "cpe:/", 0, 5)) {
      throw new CpeException("a CPE starts with 'cpe:2.3:' or 'cpe:/'");
    }
    String[] comps = text.substring(5).split(":", -1);
    if (comps.length > 7) {
      throw new CpeException("CPE 2.2 URI has " + comps.length + " components, at most 7");
    }
    String[] out = new String[ATTRIBUTES];
    Arrays.fill(out, "*");
    for (int i = 0; i < comps.length; i++) {
      if (i == 5 && comps[i].startsWith("~")) {
        String[] packed = comps[i].split("~", -1);
        if (packed.length != 6) {
          throw new CpeException("CPE 2.2 packed edition must have five '~'-separated parts");
        }
        for (int k = 1; k < 6; k++) {
          out[k == 1 ? 5 : 6 + k - 1] = uriValue(packed[k], k == 1 ? 5 : 6 + k - 1);
        }
      } else {
        out[i] = uriValue(comps[i], i);
      }
    }
    if (!List.of("a", "o", "h", "*").contains(out[0])) {
      throw new CpeException("CPE part '" + comps[0] + "' is not a, o or h");
    }
    return out;
  }

  private static String uriValue(String raw, int index) throws CpeException {
    if (raw.isEmpty()) {
      return "*";
    }
    if (raw.equals("-")) {
      return "-";
    }
    String v = raw.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '%') {
        if (i + 2 >= v.length()) {
          throw new CpeException("CPE attribute " + index + " has a truncated %-escape");
        }
        int x = Character.toLowerCase(Integer.parseInt(hexPair(v, i, index), 16));
        i += 2;
        if (x == 1) {
          sb.append('?');
        } else if (x == 2) {
          sb.append('*');
        } else if (x < 0x21 || x > 0x7e) {
          throw new CpeException("CPE attribute " + index + " encodes a non-printable character");
        } else {
          sb.append(plain((char) x) ? "" : "\\").append((char) x);
        }
      } else if (plain(c)) {
        sb.append(c);
      } else if (c > 0x20 && c < 0x7f) {
        sb.append('\\').append(c);
      } else {
        throw new CpeException("CPE attribute " + index + " has a non-printable character");
      }
    }
    String value = sb.toString();
    checkWildcards(value, index);
    if (value.equals("-") || value.equals("*")) {
      // %2d and %02 alone are a literal hyphen and a lone wildcard, not NA and ANY
      return value.equals("-") ? "\\-" : "*";
    }
    return value;
  }

  /**
   * Wildcards only at the ends: a value is {@code [* | ?...] body [* | ?...]} where the body has no
   * unescaped {@code *} or {@code ?} (NISTIR 7695 §5.3.2).
   */
  private static void checkWildcards(String v, int index) throws CpeException {
    List<Character> chars = new ArrayList<>();
    List<Boolean> wild = new ArrayList<>();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        chars.add(v.charAt(++i));
        wild.add(false);
      } else {
        chars.add(c);
        wild.add(c == '*' || c == '?');
      }
    }
    int start = 0;
    int end = chars.size();
    if (end > 0 && wild.get(0) && chars.get(0) == '*') {
      start = 1;
    } else {
      while (start < end && wild.get(start)) {
        if (chars.get(start) == '*') {
          throw new CpeException("CPE attribute " + index + " mixes '?' and '*' at its start");
        }
        start++;
      }
    }
    if (end > start && wild.get(end - 1) && chars.get(end - 1) == '*') {
      end--;
    } else {
      while (end > start && wild.get(end - 1)) {
        if (chars.get(end - 1) == '*') {
          throw new CpeException("CPE attribute " + index + " mixes '?' and '*' at its end");
        }
        end--;
      }
    }
    for (int i = start; i < end; i++) {
      if (wild.get(i)) {
        throw new CpeException("CPE attribute " + index + " has a wildcard inside the value");
      }
    }
  }

  private static String hexPair(String v, int i, int index) throws CpeException {
    String h = v.substring(i + 1, i + 3);
    if (!h.matches("[0-9a-f]{2}")) {
      throw new CpeException("CPE attribute " + index + " has an invalid %-escape");
    }
    return h;
  }

  /** The CPE 2.2 URI of eleven attribute values. */
  public static String toUri(List<String> a) {
    List<String> comps = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      comps.add(uriEncode(a.get(i)));
    }
    if (!a.subList(7, 11).stream().allMatch("*"::equals)) {
      StringBuilder packed = new StringBuilder();
      for (int i : new int[] {5, 7, 8, 9, 10}) {
        packed.append('~').append(uriEncode(a.get(i)));
      }
      comps.set(5, packed.toString());
    }
    int last = comps.size();
    while (last > 1 && comps.get(last - 1).isEmpty()) {
      last--;
    }
    return "cpe:/" + String.join(":", comps.subList(0, last));
  }

  private static String uriEncode(String v) {
    if (v.equals("*")) {
      return "";
    }
    if (v.equals("-")) {
      return "-";
    }
    if (v.equals("\\-")) {
      return "%2d";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        char e = v.charAt(++i);
        sb.append(plain(e) ? String.valueOf(e) : String.format("%%%02x", (int) e));
      } else if (c == '?') {
        sb.append("%01");
      } else if (c == '*') {
        sb.append("%02");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether a value has an unescaped {@code *} or {@code ?}. */
  public static boolean hasWildcard(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?') {
        return true;
      }
    }
    return false;
  }

  /** NISTIR 7696 Table 6-2: the relation of one source attribute value to a target value. */
  public static CpeRelation compareAttribute(String source, String target) {
    boolean sAny = source.equals("*");
    boolean tAny = target.equals("*");
    if (sAny) {
      return tAny ? CpeRelation.EQUAL : CpeRelation.SUPERSET;
    }
    if (tAny) {
      return CpeRelation.SUBSET;
    }
    boolean sNa = source.equals("-");
    boolean tNa = target.equals("-");
    if (sNa || tNa) {
      return sNa && tNa ? CpeRelation.EQUAL : CpeRelation.DISJOINT;
    }
    if (hasWildcard(target)) {
      return CpeRelation.UNDEFINED;
    }
    if (!hasWildcard(source)) {
      return source.equals(target) ? CpeRelation.EQUAL : CpeRelation.DISJOINT;
    }
    return glob(source).matcher(unescape(target)).matches()
        ? CpeRelation.SUPERSET
        : CpeRelation.DISJOINT;
  }

  private static String unescape(String v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      sb.append(c == '\\' ? v.charAt(++i) : c);
    }
    return sb.toString();
  }

  private static Pattern glob(String v) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        literal.append(v.charAt(++i));
      } else if (c == '*' || c == '?') {
        re.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    re.append(Pattern.quote(literal.toString()));
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
