package dev.hallmark.core.findings.internal;

import dev.hallmark.core.advisory.Score;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The severity of a finding: from the highest applicable score, preferring the newest scoring
 * system (CVSS v4, then v3.x, then v2) when several are given, as the analyzer spec asks.
 */
public final class Severities {
  private Severities() {}

  /** The score to report among {@code scores} (those for the product, or all), if any. */
  public static Optional<Score> pick(List<Score> scores) {
    return scores.stream()
        .filter(s -> s.baseScore() != null || s.severity() != null)
        .max(
            Comparator.comparingInt((Score s) -> rank(s))
                .thenComparingDouble(s -> s.baseScore() == null ? 0 : s.baseScore()));
  }

  private static int rank(Score s) {
    String t = (s.type() == null ? "" : s.type()).toUpperCase(Locale.ROOT);
    String v = s.version() == null ? "" : s.version();
    if (t.contains("V4") || v.startsWith("4")) {
      return 3;
    }
    if (t.contains("V3") || v.startsWith("3")) {
      return 2;
    }
    if (t.contains("V2") || v.startsWith("2")) {
      return 1;
    }
    return 0;
  }

  /** The severity word: stated, else derived from the base score (CVSS v3/v4 bands). */
  public static String word(Score s) {
    if (s.severity() != null && !s.severity().isBlank()) {
      return s.severity().toLowerCase(Locale.ROOT);
    }
    double b = s.baseScore();
    return b == 0 ? "none" : b < 4 ? "low" : b < 7 ? "medium" : b < 9 ? "high" : "critical";
  }
}
