package dev.hallmark.analyzer;

import dev.hallmark.core.findings.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the stored advisories say about one package URL (trustify's {@code /vulnerability/analyze}
 * value): one detail per vulnerability, and warnings (an unusable purl, a range that could not be
 * evaluated).
 */
public record PurlAnalysis(List<Detail> details, List<String> warnings) {
  public PurlAnalysis {
    details = List.copyOf(details);
    warnings = List.copyOf(warnings);
  }

  /**
   * One vulnerability of the purl.
   *
   * @param vulnerability its id (CVE when known)
   * @param aliases its other ids
   * @param title a title from an advisory, or null
   * @param status the effective status under the precedence
   * @param justification for {@code not_affected}, if stated
   * @param severity the highest applicable severity, or null
   * @param score its base score, or null
   * @param evidence the deciding statement
   * @param overridden the statements that lost
   * @param statuses each advisory's own status for it: status → the advisories saying so
   */
  public record Detail(
      String vulnerability,
      List<String> aliases,
      String title,
      String status,
      String justification,
      String severity,
      Double score,
      Evidence evidence,
      List<Evidence> overridden,
      Map<String, List<Statement>> statuses) {
    public Detail {
      Objects.requireNonNull(vulnerability, "vulnerability");
      aliases = List.copyOf(aliases);
      overridden = List.copyOf(overridden);
      statuses = Map.copyOf(statuses);
    }
  }

  /**
   * One advisory's statement about the purl and vulnerability.
   *
   * @param advisory the stored document ({@code urn:uuid:...})
   * @param documentId the advisory's declared id
   * @param name its name
   * @param severity its severity for this product, or null
   * @param score its base score, or null
   */
  public record Statement(
      String advisory, String documentId, String name, String severity, Double score) {}
}
