package dev.hallmark.core.findings;

import java.util.List;
import java.util.Objects;

/**
 * One (component, vulnerability) with its effective status and the evidence that decided it; the
 * other statements about the same pair, which lost under the precedence, are kept in {@code
 * overridden}.
 *
 * @param vulnerability the CVE id when one is known, else the advisory's own id
 * @param aliases other ids of the vulnerability (GHSA, OSV, CVE)
 * @param status the effective status
 * @param justification for {@code not_affected}: the VEX justification, if stated
 * @param severity the highest applicable score's severity (CVSS v4 before v3 before v2), or null
 * @param baseScore that score's base score, or null
 */
public record Finding(
    Component component,
    String vulnerability,
    List<String> aliases,
    FindingStatus status,
    String justification,
    String severity,
    Double baseScore,
    Evidence evidence,
    List<Evidence> overridden) {
  public Finding {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(vulnerability, "vulnerability");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(evidence, "evidence");
    aliases = List.copyOf(aliases);
    overridden = List.copyOf(overridden);
  }
}
