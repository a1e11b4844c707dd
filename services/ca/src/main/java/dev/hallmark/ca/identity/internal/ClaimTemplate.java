package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.TokenException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ci-provider value template with Fulcio's semantics and a deliberately tiny syntax: text with
 * {@code {{ .name }}} placeholders, each replaced by the claim (or default) called {@code name}. A
 * template without {@code {{} is the name of a single claim whose value is used as is. There are
 * no functions, pipelines, conditionals or nested fields; anything else inside {@code {{ }}} is
 * rejected when the configuration is built, and a missing value refuses the token.
 */
public final class ClaimTemplate {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}");
  private static final Pattern BARE_NAME = Pattern.compile("[^\\s{}]+");

  private final String source;

  /** Alternating literal text (even indexes) and variable names (odd indexes). */
  private final List<String> parts;

  private ClaimTemplate(String source, List<String> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses {@code template}.
   *
   * @throws IllegalArgumentException naming the offset of unsupported syntax
   */
  public static ClaimTemplate parse(String template) {
    if (template == null || template.isEmpty()) {
      throw new IllegalArgumentException("empty claim template");
    }
    List<String> parts = new ArrayList<>();
    if (!template.contains("{{")) {
      if (!BARE_NAME.matcher(template).matches()) {
        throw new IllegalArgumentException(
            "claim template \"" + template + "\" is neither a claim name nor has {{ .claim }}");
      }
      parts.add("");
      parts.add(template);
      return new ClaimTemplate(template, parts);
    }
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf("{{", at);
      if (open < 0) {
        parts.add(template.substring(at));
        break;
      }
      if (!m.find(open) || m.start() != open) {
        throw new IllegalArgumentException(
            "claim template \""
                + template
                + "\": unsupported syntax at offset "
                + open
                + " (only {{ .claim }} is allowed)");
      }
      parts.add(template.substring(at, open));
      parts.add(m.group(1));
      at = m.end();
    }
    if (parts.size() % 2 == 0) {
      parts.add("");
    }
    return new ClaimTemplate(template, parts);
  }

  /**
   * Substitutes {@code values}.
   *
   * @throws TokenException {@code MISSING_CLAIM} naming the first value that is absent
   */
  public String render(Map<String, String> values) throws TokenException {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (i % 2 == 0) {
        out.append(parts.get(i));
      } else {
        String v = values.get(parts.get(i));
        if (v == null || v.isEmpty()) {
          throw new TokenException(
              TokenException.Reason.MISSING_CLAIM,
              "claim \"" + parts.get(i) + "\" needed by template \"" + source + "\" is missing");
        }
        out.append(v);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
