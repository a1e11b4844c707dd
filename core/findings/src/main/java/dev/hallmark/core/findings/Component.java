package dev.hallmark.core.findings;

import java.util.Objects;

/**
 * A package as an SBOM names it, by machine identity: a package URL and/or a CPE (either may be
 * null, not both). The name is for people only and is never matched on.
 *
 * @param ref the SBOM's reference for it (SPDX id, CycloneDX bom-ref), for reports
 * @param purl a package URL, or null
 * @param cpe a CPE 2.3 formatted string or 2.2 URI, or null
 * @param name the human-readable name
 */
public record Component(String ref, String purl, String cpe, String name) {
  /** Checks that the component can be identified. */
  public Component {
    Objects.requireNonNull(ref, "ref");
    if ((purl == null || purl.isBlank()) && (cpe == null || cpe.isBlank())) {
      throw new IllegalArgumentException(
          "component " + ref + " has neither a package URL nor a CPE: it cannot be matched");
    }
  }
}
