package dev.hallmark.core.findings;

import dev.hallmark.core.advisory.Score;
import dev.hallmark.core.findings.internal.Severities;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A severity as findings report it: the highest applicable score, preferring the newest scoring
 * system (CVSS v4, then v3.x, then v2).
 *
 * @param word {@code none}, {@code low}, {@code medium}, {@code high}, {@code critical} (or the
 *     source's own word)
 * @param score the base score, or null when the source gives only a word
 */
public record Severity(String word, Double score) {
  public Severity {
    Objects.requireNonNull(word, "word");
  }

  /** The severity to report for {@code scores}, if any of them gives one. */
  public static Optional<Severity> of(List<Score> scores) {
    return Severities.pick(scores).map(s -> new Severity(Severities.word(s), s.baseScore()));
  }
}
