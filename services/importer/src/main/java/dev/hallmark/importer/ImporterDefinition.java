package dev.hallmark.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An importer's configuration, checked: trustify's shape {@code {"<kind>": {"source": ...,
 * "period": "1d", "disabled": false, "labels": {}, "description": "", ...}}}.
 *
 * @param kind which source walks
 * @param source a path or URL, by kind
 * @param period how long after a run's start the next one is due
 * @param disabled disabled importers are not run by the scheduler (forcing still runs them once)
 * @param labels labels given to every imported document
 * @param description free text
 * @param documents what a directory holds (the other kinds hold advisories)
 * @param onlyPatterns regular expressions; when any is given a document is imported only if its
 *     path or URL contains a match of one
 * @param fetchRetries retries of a failed fetch (connection error, 5xx, 429)
 * @param sizeLimit the largest document accepted, in bytes
 * @param archiveSizeLimit the largest archive (zip) downloaded, in bytes
 * @param since CSAF: documents changed before this are left out
 * @param ignoreMissing CSAF: a document that answers 404 is skipped for good instead of failed
 * @param years CVE: only these years (empty: all)
 * @param startYear CVE: only this year and later (0: all)
 */
public record ImporterDefinition(
    SourceKind kind,
    String source,
    Duration period,
    boolean disabled,
    Map<String, String> labels,
    String description,
    DocumentType documents,
    List<Pattern> onlyPatterns,
    int fetchRetries,
    long sizeLimit,
    long archiveSizeLimit,
    Optional<Instant> since,
    boolean ignoreMissing,
    List<Integer> years,
    int startYear) {
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(1);
  public static final long DEFAULT_SIZE_LIMIT = 64L << 20;
  public static final long DEFAULT_ARCHIVE_SIZE_LIMIT = 4L << 30;
  public static final int DEFAULT_FETCH_RETRIES = 2;

  public ImporterDefinition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(period, "period");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(documents, "documents");
    onlyPatterns = List.copyOf(onlyPatterns);
    Objects.requireNonNull(since, "since");
    years = List.copyOf(years);
    if (period.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("period must be at least one minute");
    }
  }

  /** True if {@code path} passes {@link #onlyPatterns}. */
  public boolean wanted(String path) {
    return onlyPatterns.isEmpty() || onlyPatterns.stream().anyMatch(p -> p.matcher(path).find());
  }

  /**
   * Reads and checks a configuration (the JSON body of the importer API).
   *
   * @throws InvalidImporterException naming the first problem
   */
  public static ImporterDefinition parse(JsonNode json) throws InvalidImporterException {
    if (json == null || !json.isObject() || json.size() != 1) {
      throw new InvalidImporterException(
          "an importer configuration is an object with one member naming its kind, one of "
              + kinds()
              + ", e.g. {\"csaf\": {\"source\": \"https://...\", \"period\": \"1d\"}}");
    }
    String kindName = json.fieldNames().next();
    SourceKind kind =
        SourceKind.of(kindName)
            .orElseThrow(
                () ->
                    new InvalidImporterException(
                        "unknown importer kind '" + kindName + "'; use one of " + kinds()));
    JsonNode c = json.get(kindName);
    if (!c.isObject()) {
      throw new InvalidImporterException(kindName + " must be an object of settings");
    }
    for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!SourceKind.COMMON.contains(field) && !kind.settings().contains(field)) {
        TreeSet<String> allowed = new TreeSet<>(SourceKind.COMMON);
        allowed.addAll(kind.settings());
        throw new InvalidImporterException(
            "unknown setting '" + field + "' of a " + kindName + " importer; use " + allowed);
      }
    }
    String source = text(c, "source", null);
    if (source == null || source.isBlank()) {
      throw new InvalidImporterException("source is required (a path or URL)");
    }
    Duration period = period(text(c, "period", "1d"));
    Map<String, String> labels = new TreeMap<>();
    JsonNode l = c.path("labels");
    if (!l.isMissingNode() && !l.isNull()) {
      if (!l.isObject()) {
        throw new InvalidImporterException("labels must be an object of strings");
      }
      for (Map.Entry<String, JsonNode> e : l.properties()) {
        if (!e.getValue().isTextual()) {
          throw new InvalidImporterException("label '" + e.getKey() + "' must be a string");
        }
        labels.put(e.getKey(), e.getValue().asText());
      }
    }
    DocumentType documents = DocumentType.ADVISORY;
    if (kind == SourceKind.DIRECTORY) {
      String d = text(c, "documents", null);
      if (d == null) {
        throw new InvalidImporterException(
            "a directory importer needs documents: \"sbom\" or \"advisory\"");
      }
      documents =
          Arrays.stream(DocumentType.values())
              .filter(t -> t.value().equals(d))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidImporterException(
                          "documents must be \"sbom\" or \"advisory\", not '" + d + "'"));
    }
    List<Pattern> patterns = new ArrayList<>();
    for (JsonNode p : array(c, "onlyPatterns")) {
      if (!p.isTextual()) {
        throw new InvalidImporterException("onlyPatterns must be strings (regular expressions)");
      }
      try {
        patterns.add(Pattern.compile(p.asText()));
      } catch (PatternSyntaxException e) {
        throw new InvalidImporterException(
            "onlyPatterns: '"
                + p.asText()
                + "' is not a regular expression: "
                + e.getDescription());
      }
    }
    Optional<Instant> since = Optional.empty();
    String s = text(c, "since", null);
    if (s != null) {
      try {
        since = Optional.of(Instant.parse(s));
      } catch (DateTimeParseException e) {
        throw new InvalidImporterException(
            "since must be an RFC 3339 timestamp such as 2024-01-01T00:00:00Z, not '" + s + "'");
      }
    }
    List<Integer> years = new ArrayList<>();
    for (JsonNode y : array(c, "years")) {
      if (!y.canConvertToInt() || !y.isIntegralNumber()) {
        throw new InvalidImporterException("years must be whole numbers");
      }
      years.add(y.asInt());
    }
    return new ImporterDefinition(
        kind,
        source.strip(),
        period,
        bool(c, "disabled"),
        labels,
        Optional.ofNullable(text(c, "description", null)).orElse(""),
        documents,
        patterns,
        (int) number(c, "fetchRetries", DEFAULT_FETCH_RETRIES, 0, 10),
        number(c, "sizeLimit", DEFAULT_SIZE_LIMIT, 1, Long.MAX_VALUE),
        number(c, "archiveSizeLimit", DEFAULT_ARCHIVE_SIZE_LIMIT, 1, Long.MAX_VALUE),
        since,
        bool(c, "ignoreMissing"),
        years,
        (int) number(c, "startYear", 0, 0, 9999));
  }

  /** The same configuration with {@code disabled} set. */
  public static ObjectNode withDisabled(JsonNode configuration, boolean disabled) {
    ObjectNode copy = configuration.deepCopy();
    String kind = copy.fieldNames().next();
    ((ObjectNode) copy.get(kind)).put("disabled", disabled);
    return copy;
  }

  /**
   * A period: ISO-8601 ({@code PT1H}, {@code P1D}) or a number with a unit ({@code 30m}, {@code
   * 1h}, {@code 1d}, {@code 90s}).
   */
  public static Duration period(String text) throws InvalidImporterException {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return checkPeriod(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
      }
      if (t.length() >= 2) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        Duration d =
            switch (t.charAt(t.length() - 1)) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              case 'h' -> Duration.ofHours(n);
              case 'd' -> Duration.ofDays(n);
              default -> null;
            };
        if (d != null) {
          return checkPeriod(d, text);
        }
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      // fall through to the message below
    }
    throw new InvalidImporterException(
        "period '" + text + "' is neither ISO-8601 (PT1H, P1D) nor a number with s, m, h or d");
  }

  private static Duration checkPeriod(Duration d, String text) throws InvalidImporterException {
    if (d.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidImporterException("period '" + text + "' is shorter than one minute");
    }
    return d;
  }

  private static String kinds() {
    return Arrays.stream(SourceKind.values()).map(SourceKind::value).toList().toString();
  }

  private static String text(JsonNode c, String field, String otherwise)
      throws InvalidImporterException {
    JsonNode v = c.get(field);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!v.isTextual()) {
      throw new InvalidImporterException(field + " must be a string");
    }
    return v.asText();
  }

  private static boolean bool(JsonNode c, String field) throws InvalidImporterException {
    JsonNode v = c.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new InvalidImporterException(field + " must be true or false");
    }
    return v.asBoolean();
  }

  private static long number(JsonNode c, String field, long otherwise, long min, long max)
      throws InvalidImporterException {
    JsonNode v = c.get(field);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
      throw new InvalidImporterException(
          field + " must be a whole number from " + min + " to " + max);
    }
    return v.asLong();
  }

  private static Iterable<JsonNode> array(JsonNode c, String field)
      throws InvalidImporterException {
    JsonNode v = c.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new InvalidImporterException(field + " must be an array");
    }
    return v;
  }
}
