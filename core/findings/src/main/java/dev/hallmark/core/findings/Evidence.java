package dev.hallmark.core.findings;

import java.util.Objects;

/**
 * Why a finding exists: which identifier matched, against which advisory statement, with what range
 * and version scheme.
 *
 * @param advisory the advisory's id (CSAF tracking id, OSV id, CVE id)
 * @param matchedBy {@code purl} or {@code cpe}
 * @param identifier the advisory's identifier that matched the component
 * @param range the range or version statement that decided, as written (or a vers string)
 * @param scheme the version scheme used, or {@code none} when no version comparison was needed
 * @param statement the statement in words, e.g. {@code CSAF known_affected: product X}
 */
public record Evidence(
    String advisory,
    String matchedBy,
    String identifier,
    String range,
    String scheme,
    String statement) {
  public Evidence {
    Objects.requireNonNull(advisory, "advisory");
    Objects.requireNonNull(matchedBy, "matchedBy");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(statement, "statement");
  }
}
