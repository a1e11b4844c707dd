package dev.hallmark.core.advisory;

import java.util.List;
import java.util.Objects;

/**
 * A severity score, kept in full: every score of a document is kept with its source, never only the
 * first or the highest.
 *
 * @param type {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4} or the source's own type (OSV
 *     {@code Ubuntu}, CVE {@code other})
 * @param version the CVSS version as written ({@code 3.1}), or null
 * @param vector the vector string (or OSV score text), or null
 * @param baseScore the base score, or null when the source gives none
 * @param severity the base severity as written, or null
 * @param products CSAF product ids it applies to (empty elsewhere)
 * @param source who gave it (CVE container: {@code cna} or the ADP's short name), or null
 */
public record Score(
    String type,
    String version,
    String vector,
    Double baseScore,
    String severity,
    List<String> products,
    String source) {
  public Score {
    Objects.requireNonNull(type, "type");
    products = List.copyOf(products);
  }
}
