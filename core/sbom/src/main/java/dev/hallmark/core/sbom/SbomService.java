package dev.hallmark.core.sbom;

import java.util.List;
import java.util.Objects;

/**
 * A CycloneDX service (SaaSBOM).
 *
 * @param ref its bom-ref, or null
 * @param group its group, or null
 * @param name its name
 * @param version its version, or null
 * @param provider the provider's name, or null
 * @param endpoints its endpoint URLs
 * @param parentRef the bom-ref of the service it is nested in, or null
 */
public record SbomService(
    String ref,
    String group,
    String name,
    String version,
    String provider,
    List<String> endpoints,
    String parentRef) {
  public SbomService {
    Objects.requireNonNull(name, "name");
    endpoints = List.copyOf(endpoints);
  }
}
