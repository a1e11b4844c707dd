package dev.hallmark.core.findings.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.advisory.Score;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV2;
import us.springett.cvss.CvssV4;

/**
 * The severity of a finding: from the highest applicable score, preferring the newest scoring
 * system (CVSS v4, then v3.x, then v2) when several are given, as the analyzer spec asks. A score
 * given only as a CVSS vector (OSV and GHSA records, some CVE metrics) gets its base score computed
 * from the vector (cvss-calculator, ADR 0015); a vector that does not parse is left without one.
 */
public final class Severities {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Severities() {}

  /** The score to report among {@code scores} (those for the product, or all), if any. */
  public static Optional<Score> pick(List<Score> scores) {
    return scores.stream()
        .map(Severities::complete)
        .filter(s -> s.baseScore() != null || s.severity() != null)
        .max(
            Comparator.comparingInt((Score s) -> rank(s))
                .thenComparingDouble(s -> s.baseScore() == null ? 0 : s.baseScore()));
  }

  /**
   * The score with its base score computed from its CVSS vector when it states none (and its type
   * and version named by the vector when the source did not say); otherwise the score itself.
   */
  public static Score complete(Score s) {
    if (s.baseScore() != null || s.vector() == null || s.vector().isBlank()) {
      return s;
    }
    if (s.severity() == null && s.type().toLowerCase(Locale.ROOT).contains("textual")) {
      // CVE "other" metric {"type": "Textual description of severity", "content": {"text": w}}
      String word = textual(s.vector());
      return word == null
          ? s
          : new Score(s.type(), s.version(), s.vector(), null, word, s.products(), s.source());
    }
    Scored scored = SCORED.get(s.vector());
    if (scored == null) {
      scored = score(s.vector());
      if (SCORED.size() >= MAX_SCORED) {
        SCORED.clear(); // advisories repeat a few thousand vectors at most; a rare reset is fine
      }
      SCORED.put(s.vector(), scored);
    }
    if (scored == Scored.NONE) {
      return s;
    }
    return new Score(
        s.type(),
        s.version() != null ? s.version() : scored.version(),
        s.vector(),
        scored.base(),
        s.severity(),
        s.products(),
        s.source());
  }

  /** A vector's base score and CVSS version; {@link #NONE} when it is not a CVSS vector. */
  private record Scored(double base, String version) {
    static final Scored NONE = new Scored(-1, null);
  }

  private static final int MAX_SCORED = 4096;

  /** Vectors scored so far: correlation meets the same advisories' vectors again and again. */
  private static final Map<String, Scored> SCORED = new ConcurrentHashMap<>();

  private static Scored score(String vector) {
    Cvss cvss;
    try {
      cvss = Cvss.fromVector(vector.strip());
      if (cvss == null) {
        return Scored.NONE;
      }
      return new Scored(
          cvss.calculateScore().getBaseScore(),
          cvss instanceof CvssV4 ? "4.0" : cvss instanceof CvssV2 ? "2.0" : versionOf(vector));
    } catch (RuntimeException e) {
      return Scored.NONE; // not a CVSS vector (OSV "Ubuntu" priorities, text)
    }
  }

  private static final List<String> WORDS =
      List.of("none", "low", "moderate", "medium", "important", "high", "critical");

  private static String textual(String content) {
    try {
      JsonNode text = JSON.readTree(content).path("text");
      String word = text.isTextual() ? text.asText().strip().toLowerCase(Locale.ROOT) : null;
      return WORDS.contains(word) ? word : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String versionOf(String vector) {
    return vector.startsWith("CVSS:3.0") ? "3.0" : "3.1";
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

  /**
   * The severity word: stated, else derived from the base score (the bands of its CVSS version).
   */
  public static String word(Score s) {
    if (s.severity() != null && !s.severity().isBlank()) {
      return s.severity().toLowerCase(Locale.ROOT);
    }
    double b = s.baseScore();
    if (rank(s) == 1) {
      // CVSS v2 has three bands and no "critical"
      return b < 4 ? "low" : b < 7 ? "medium" : "high";
    }
    return b == 0 ? "none" : b < 4 ? "low" : b < 7 ? "medium" : b < 9 ? "high" : "critical";
  }
}
