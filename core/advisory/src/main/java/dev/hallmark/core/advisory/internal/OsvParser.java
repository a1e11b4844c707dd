package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.advisory.OsvAdvisory.Event;
import dev.hallmark.core.advisory.Reference;
import dev.hallmark.core.advisory.Score;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * OSV records (schema 1.x): the schema's rules for ranges are enforced — a known range type, a
 * {@code repo} for GIT, exactly one key per event, at least one {@code introduced}, not both {@code
 * fixed} and {@code last_affected}, and no commit both introducing and fixing.
 */
final class OsvParser {
  private static final Set<String> RANGE_TYPES = Set.of("SEMVER", "ECOSYSTEM", "GIT");
  private static final Set<String> SEVERITY_TYPES =
      Set.of("CVSS_V2", "CVSS_V3", "CVSS_V4", "Ubuntu");
  private static final Set<String> REFERENCE_TYPES =
      Set.of(
          "ADVISORY",
          "ARTICLE",
          "DETECTION",
          "DISCUSSION",
          "REPORT",
          "FIX",
          "INTRODUCED",
          "GIT",
          "PACKAGE",
          "EVIDENCE",
          "WEB");

  OsvAdvisory parse(JsonNode r) throws AdvisoryFormatException {
    String id = Json.required(r, "id", "osv");
    String modified = timestamp(Json.required(r, "modified", "osv"), "modified");
    timestamp(Json.text(r, "published"), "published");
    timestamp(Json.text(r, "withdrawn"), "withdrawn");
    List<OsvAdvisory.Affected> affected = new ArrayList<>();
    List<JsonNode> entries = Json.array(r, "affected", "osv");
    for (int i = 0; i < entries.size(); i++) {
      affected.add(affected(entries.get(i), "affected[" + i + "]"));
    }
    List<Reference> references = new ArrayList<>();
    for (JsonNode ref : Json.array(r, "references", "osv")) {
      String type = Json.required(ref, "type", "references");
      if (!REFERENCE_TYPES.contains(type)) {
        throw new AdvisoryFormatException("references: unknown reference type '" + type + "'");
      }
      references.add(new Reference(type, Json.required(ref, "url", "references"), null));
    }
    return new OsvAdvisory(
        id,
        Json.text(r, "schema_version"),
        modified,
        Json.text(r, "published"),
        Json.text(r, "withdrawn"),
        Json.strings(r, "aliases", "osv"),
        Json.strings(r, "related", "osv"),
        Json.text(r, "summary"),
        Json.text(r, "details"),
        severities(r, "osv"),
        affected,
        references,
        Json.raw(r, "database_specific"));
  }

  private static OsvAdvisory.Affected affected(JsonNode a, String where)
      throws AdvisoryFormatException {
    JsonNode pkg = Json.object(a, "package", where, false);
    List<OsvAdvisory.Range> ranges = new ArrayList<>();
    List<JsonNode> rs = Json.array(a, "ranges", where);
    for (int i = 0; i < rs.size(); i++) {
      ranges.add(range(rs.get(i), where + ".ranges[" + i + "]"));
    }
    return new OsvAdvisory.Affected(
        pkg == null ? null : Json.text(pkg, "ecosystem"),
        pkg == null ? null : Json.text(pkg, "name"),
        pkg == null ? null : Json.text(pkg, "purl"),
        ranges,
        Json.strings(a, "versions", where),
        severities(a, where),
        Json.raw(a, "ecosystem_specific"),
        Json.raw(a, "database_specific"));
  }

  private static OsvAdvisory.Range range(JsonNode r, String where) throws AdvisoryFormatException {
    String type = Json.required(r, "type", where);
    if (!RANGE_TYPES.contains(type)) {
      throw new AdvisoryFormatException(
          where + ".type '" + type + "' is not one of SEMVER, ECOSYSTEM, GIT");
    }
    String repo = Json.text(r, "repo");
    if (type.equals("GIT") && repo == null) {
      throw new AdvisoryFormatException(where + ".repo is required for a GIT range");
    }
    List<Event> events = new ArrayList<>();
    List<JsonNode> es = Json.array(r, "events", where);
    if (es.isEmpty()) {
      throw new AdvisoryFormatException(where + ".events must not be empty");
    }
    for (JsonNode e : es) {
      if (e.size() != 1) {
        throw new AdvisoryFormatException(
            where
                + ".events: each event needs exactly one of introduced, fixed, last_affected,"
                + " limit");
      }
      String key = e.fieldNames().next();
      Event.Kind kind;
      switch (key) {
        case "introduced":
          kind = Event.Kind.INTRODUCED;
          break;
        case "fixed":
          kind = Event.Kind.FIXED;
          break;
        case "last_affected":
          kind = Event.Kind.LAST_AFFECTED;
          break;
        case "limit":
          kind = Event.Kind.LIMIT;
          break;
        default:
          throw new AdvisoryFormatException(where + ".events: unknown event '" + key + "'");
      }
      events.add(new Event(kind, Json.required(e, key, where + ".events")));
    }
    if (events.stream().noneMatch(e -> e.kind() == Event.Kind.INTRODUCED)) {
      throw new AdvisoryFormatException(where + " has no introduced event");
    }
    if (events.stream().anyMatch(e -> e.kind() == Event.Kind.FIXED)
        && events.stream().anyMatch(e -> e.kind() == Event.Kind.LAST_AFFECTED)) {
      throw new AdvisoryFormatException(where + " has both fixed and last_affected events");
    }
    Set<String> introduced = new HashSet<>();
    events.stream()
        .filter(e -> e.kind() == Event.Kind.INTRODUCED)
        .forEach(e -> introduced.add(e.value()));
    for (Event e : events) {
      if (e.kind() == Event.Kind.FIXED && introduced.contains(e.value())) {
        throw new AdvisoryFormatException(
            where + ": " + e.value() + " is both introduced and fixed");
      }
    }
    return new OsvAdvisory.Range(type, repo, events, Json.raw(r, "database_specific"));
  }

  private static List<Score> severities(JsonNode n, String where) throws AdvisoryFormatException {
    List<Score> out = new ArrayList<>();
    for (JsonNode s : Json.array(n, "severity", where)) {
      String type = Json.required(s, "type", where + ".severity");
      if (!SEVERITY_TYPES.contains(type)) {
        throw new AdvisoryFormatException(where + ".severity: unknown type '" + type + "'");
      }
      String score = Json.required(s, "score", where + ".severity");
      String version = null;
      if (score.startsWith("CVSS:")) {
        int slash = score.indexOf('/');
        version = slash > 5 ? score.substring(5, slash) : null;
      }
      out.add(new Score(type, version, score, null, null, List.of(), null));
    }
    return out;
  }

  /** An RFC 3339 date-time (as the schema requires), returned as written; null passes. */
  private static String timestamp(String value, String field) throws AdvisoryFormatException {
    if (value != null) {
      try {
        java.time.OffsetDateTime.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        throw new AdvisoryFormatException(field + " is not an RFC 3339 date-time: " + value, e);
      }
    }
    return value;
  }
}
