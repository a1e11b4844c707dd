package dev.hallmark.core.findings;

import java.util.List;
import java.util.Objects;

/**
 * A package as an SBOM names it, by machine identity: a package URL, a CPE and/or file digests (at
 * least one of them). The name is for people only and is never matched on.
 *
 * @param ref the SBOM's reference for it (SPDX id, CycloneDX bom-ref), for reports
 * @param purl a package URL, or null
 * @param cpe a CPE 2.3 formatted string or 2.2 URI, or null
 * @param name the human-readable name
 * @param hashes file digests as {@code algorithm:hex} (any spelling of the algorithm), matched
 *     against advisories that identify a product by its hashes (CSAF)
 */
public record Component(String ref, String purl, String cpe, String name, List<String> hashes) {
  /** Checks that the component can be identified. */
  public Component {
    Objects.requireNonNull(ref, "ref");
    hashes = List.copyOf(hashes);
    if ((purl == null || purl.isBlank()) && (cpe == null || cpe.isBlank()) && hashes.isEmpty()) {
      throw new IllegalArgumentException(
          "component " + ref + " has no package URL, CPE or file digest: it cannot be matched");
    }
  }

  /** A component without file digests. */
  public Component(String ref, String purl, String cpe, String name) {
    this(ref, purl, cpe, name, List.of());
  }
}
