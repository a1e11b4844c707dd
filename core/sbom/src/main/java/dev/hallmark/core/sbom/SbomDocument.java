package dev.hallmark.core.sbom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole document held in memory (for documents of ordinary size; stream large ones through an
 * {@link SbomSink}).
 *
 * @param metadata document-level facts
 * @param packages packages and components, in document order (nested ones after their parent)
 * @param files file elements
 * @param relationships graph edges
 * @param services CycloneDX services
 * @param vulnerabilities CycloneDX vulnerabilities (VEX statements)
 * @param warnings what was accepted but is questionable (e.g. a dependency cycle)
 */
public record SbomDocument(
    SbomMetadata metadata,
    List<SbomPackage> packages,
    List<SbomFile> files,
    List<Relationship> relationships,
    List<SbomService> services,
    List<SbomVulnerability> vulnerabilities,
    List<String> warnings) {
  public SbomDocument {
    Objects.requireNonNull(metadata, "metadata");
    packages = List.copyOf(packages);
    files = List.copyOf(files);
    relationships = List.copyOf(relationships);
    services = List.copyOf(services);
    vulnerabilities = List.copyOf(vulnerabilities);
    warnings = List.copyOf(warnings);
  }

  /** Whether it inventories a machine-learning model (label {@code aibom}). */
  public boolean containsModels() {
    return packages.stream()
        .anyMatch(p -> p.modelCard() != null || "machine-learning-model".equals(p.kind()));
  }

  /** Whether it inventories a cryptographic asset (label {@code cbom}). */
  public boolean containsCryptoAssets() {
    return packages.stream().anyMatch(p -> p.cryptoAsset() != null);
  }

  /** The package with this ref, if any. */
  public Optional<SbomPackage> packageByRef(String ref) {
    return packages.stream().filter(p -> ref.equals(p.ref())).findFirst();
  }
}
