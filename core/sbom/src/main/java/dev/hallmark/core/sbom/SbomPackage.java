package dev.hallmark.core.sbom;

import java.util.List;
import java.util.Objects;

/**
 * A package: an SPDX package (2.x, or SPDX 3 software/AI/dataset package) or a CycloneDX component
 * of any type (nested components carry their parent's ref).
 *
 * @param ref SPDX id or bom-ref; null for a CycloneDX component without bom-ref
 * @param kind CycloneDX component type or SPDX primary package purpose (lower-case), or null
 * @param group CycloneDX group, or null
 * @param name the name
 * @param version the version, or null
 * @param purls package URLs as written
 * @param cpes CPE 2.2 URIs and 2.3 formatted strings as written
 * @param hashes checksums
 * @param licenses license statements
 * @param supplier supplier name (SPDX {@code Organization: X} stripped to X), or null
 * @param externalReferences other references
 * @param parentRef the ref of the CycloneDX component it is nested in, or null
 * @param modelCard the model card of a machine-learning model, or null
 * @param cryptoAsset the crypto properties of a cryptographic asset, or null
 */
public record SbomPackage(
    String ref,
    String kind,
    String group,
    String name,
    String version,
    List<String> purls,
    List<String> cpes,
    List<Hash> hashes,
    List<License> licenses,
    String supplier,
    List<ExternalReference> externalReferences,
    String parentRef,
    ModelCard modelCard,
    CryptoAsset cryptoAsset) {
  public SbomPackage {
    Objects.requireNonNull(name, "name");
    purls = List.copyOf(purls);
    cpes = List.copyOf(cpes);
    hashes = List.copyOf(hashes);
    licenses = List.copyOf(licenses);
    externalReferences = List.copyOf(externalReferences);
  }
}
