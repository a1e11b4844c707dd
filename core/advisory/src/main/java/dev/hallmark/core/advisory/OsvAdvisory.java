package dev.hallmark.core.advisory;

import java.util.List;
import java.util.Objects;

/**
 * An OSV record.
 *
 * @param id its id (GHSA-..., PYSEC-..., RUSTSEC-...)
 * @param schemaVersion {@code schema_version}, or null
 * @param modified modified time as written
 * @param published published time as written, or null
 * @param withdrawn withdrawn time as written, or null when not withdrawn
 * @param aliases aliases (CVE ids and others; non-CVE aliases kept)
 * @param related related ids
 * @param summary the summary, or null
 * @param details the details, or null
 * @param severity record-level severities
 * @param affected affected packages
 * @param references references
 * @param databaseSpecific {@code database_specific} as raw JSON text, or null
 */
public record OsvAdvisory(
    String id,
    String schemaVersion,
    String modified,
    String published,
    String withdrawn,
    List<String> aliases,
    List<String> related,
    String summary,
    String details,
    List<Score> severity,
    List<Affected> affected,
    List<Reference> references,
    String databaseSpecific)
    implements Advisory {
  public OsvAdvisory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modified, "modified");
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    severity = List.copyOf(severity);
    affected = List.copyOf(affected);
    references = List.copyOf(references);
  }

  @Override
  public AdvisoryFormat format() {
    return AdvisoryFormat.OSV;
  }

  /** Whether the record has been withdrawn. */
  public boolean isWithdrawn() {
    return withdrawn != null;
  }

  /**
   * One {@code affected[]} entry.
   *
   * @param ecosystem the ecosystem with any suffix kept ({@code Debian:12}, {@code Red Hat:...}),
   *     or null
   * @param name the package name, or null
   * @param purl the package purl, or null
   * @param ranges its ranges
   * @param versions its explicit versions
   * @param severity package-level severities
   * @param ecosystemSpecific raw JSON text, or null
   * @param databaseSpecific raw JSON text, or null
   */
  public record Affected(
      String ecosystem,
      String name,
      String purl,
      List<Range> ranges,
      List<String> versions,
      List<Score> severity,
      String ecosystemSpecific,
      String databaseSpecific) {
    public Affected {
      ranges = List.copyOf(ranges);
      versions = List.copyOf(versions);
      severity = List.copyOf(severity);
    }
  }

  /**
   * A range: {@code SEMVER}, {@code ECOSYSTEM} or {@code GIT} with its events in document order.
   *
   * @param type the range type
   * @param repo the repository of a GIT range, or null
   * @param events the events
   * @param databaseSpecific raw JSON text, or null
   */
  public record Range(String type, String repo, List<Event> events, String databaseSpecific) {
    public Range {
      Objects.requireNonNull(type, "type");
      events = List.copyOf(events);
    }
  }

  /**
   * One event of a range.
   *
   * @param kind which of the four it is
   * @param value the version or commit ({@code 0} for introduced-at-the-beginning)
   */
  public record Event(Kind kind, String value) {
    /** The four event kinds. */
    public enum Kind {
      INTRODUCED,
      FIXED,
      LAST_AFFECTED,
      LIMIT
    }

    public Event {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }
  }
}
