package dev.hallmark.analyzer;

import java.util.List;
import java.util.Objects;

/**
 * A package of a stored SBOM.
 *
 * @param node its position in the document (0-based)
 * @param ref its SPDX id / bom-ref, or null
 * @param kind CycloneDX component type / SPDX purpose, or null
 * @param group CycloneDX group, or null
 * @param name its name
 * @param version its version, or null
 * @param supplier its supplier, or null
 * @param licenses its license expressions joined with {@code AND}, or null
 * @param purls its canonical purls
 * @param cpes its CPEs (2.3 formatted strings)
 */
public record Package(
    int node,
    String ref,
    String kind,
    String group,
    String name,
    String version,
    String supplier,
    String licenses,
    List<String> purls,
    List<String> cpes) {
  public Package {
    Objects.requireNonNull(name, "name");
    purls = List.copyOf(purls);
    cpes = List.copyOf(cpes);
  }
}
