package dev.hallmark.analyzer;

import dev.hallmark.core.findings.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * A stored finding: one package of one SBOM and one vulnerability, with the effective status and
 * the evidence that decided it.
 *
 * @param sbom the SBOM ({@code urn:uuid:...})
 * @param node the package's number in the SBOM
 * @param name the package's name
 * @param purl the package URL it was matched by (its first), or null
 * @param cpe the CPE it was matched by (its first), or null
 * @param vulnerability the CVE id when known, else the advisory's own id
 * @param aliases other ids of the vulnerability
 * @param status {@code affected}, {@code not_affected}, {@code fixed} or {@code
 *     under_investigation}
 * @param justification for {@code not_affected}: the VEX justification, if stated
 * @param severity the highest applicable score's severity, or null
 * @param score that score, or null
 * @param advisory the stored advisory document whose statement decided ({@code urn:uuid:...})
 * @param evidence why: identifier, range, scheme, statement
 * @param overridden the statements that lost under the precedence
 */
public record SbomFinding(
    String sbom,
    int node,
    String name,
    String purl,
    String cpe,
    String vulnerability,
    List<String> aliases,
    String status,
    String justification,
    String severity,
    Double score,
    String advisory,
    Evidence evidence,
    List<Evidence> overridden) {
  public SbomFinding {
    Objects.requireNonNull(vulnerability, "vulnerability");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(evidence, "evidence");
    aliases = List.copyOf(aliases);
    overridden = List.copyOf(overridden);
  }
}
