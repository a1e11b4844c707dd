package dev.hallmark.core.match.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a loose version into a SemVer-shaped string the way advisory databases' converters do: the
 * leading {@code N[.N[.N]]} is padded to three numbers without leading zeros; what follows becomes
 * a prerelease ({@code -x} or a bare suffix) or build metadata ({@code +x} or a fourth {@code .x}
 * part); other characters in it become {@code -}.
 */
public final class Coerce {
  private static final Pattern BASE = Pattern.compile("^[0-9]+(?:\\.[0-9]+(?:\\.[0-9]+)?)?");

  private Coerce() {}

  /** The coerced form, or {@code null} when {@code v} does not start with a number. */
  public static String semver(String v) {
    Matcher m = BASE.matcher(v);
    if (!m.find()) {
      return null;
    }
    String[] parts = v.substring(0, m.end()).split("\\.");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      String p = i < parts.length ? parts[i] : "0";
      String stripped = p.replaceFirst("^0+", "");
      sb.append(i == 0 ? "" : ".").append(stripped.isEmpty() ? "0" : stripped);
    }
    if (m.end() == v.length()) {
      return sb.toString();
    }
    String rest = v.substring(m.end()).replaceAll("[^a-zA-Z0-9+.-]", "-");
    String pre;
    String build;
    char first = rest.charAt(0);
    if (first == '+' || first == '.') {
      pre = "";
      build = rest.substring(1);
    } else {
      String r = first == '-' ? rest.substring(1) : rest;
      int plus = r.indexOf('+');
      pre = plus >= 0 ? r.substring(0, plus) : r;
      build = plus >= 0 ? r.substring(plus + 1) : "";
    }
    build = build.replace('+', '.');
    if (!pre.isEmpty()) {
      sb.append('-').append(pre);
    }
    if (!build.isEmpty()) {
      sb.append('+').append(build);
    }
    return sb.toString();
  }
}
