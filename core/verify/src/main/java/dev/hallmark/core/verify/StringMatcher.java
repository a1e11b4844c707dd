package dev.hallmark.core.verify;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Matches a certificate value: exactly, or by a regular expression that must match the whole value.
 */
public final class StringMatcher {
  private final String exact;
  private final Pattern pattern;

  private StringMatcher(String exact, Pattern pattern) {
    this.exact = exact;
    this.pattern = pattern;
  }

  /** Matches only {@code value}. */
  public static StringMatcher exact(String value) {
    return new StringMatcher(Objects.requireNonNull(value, "value"), null);
  }

  /**
   * Matches values the regular expression matches in full.
   *
   * @throws java.util.regex.PatternSyntaxException if the expression is invalid
   */
  public static StringMatcher regex(String regex) {
    return new StringMatcher(null, Pattern.compile(regex));
  }

  /** True if {@code value} matches. */
  public boolean matches(String value) {
    return exact != null ? exact.equals(value) : pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return exact != null ? "\"" + exact + "\"" : "regex /" + pattern.pattern() + "/";
  }
}
