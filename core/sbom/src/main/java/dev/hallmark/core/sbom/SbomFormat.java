package dev.hallmark.core.sbom;

import java.util.List;

/** The SBOM encodings this library reads, with the spec versions each accepts. */
public enum SbomFormat {
  /** SPDX 2.2 / 2.3 JSON (top-level {@code spdxVersion}). */
  SPDX_2_JSON(List.of("SPDX-2.2", "SPDX-2.3")),
  /** SPDX 2.2 / 2.3 tag-value ({@code SPDXVersion: SPDX-2.3} lines). */
  SPDX_2_TAG_VALUE(List.of("SPDX-2.2", "SPDX-2.3")),
  /** SPDX 3.0 JSON-LD ({@code @context} + {@code @graph}). */
  SPDX_3_JSON_LD(List.of("3.0.0", "3.0.1")),
  /** CycloneDX JSON ({@code bomFormat: CycloneDX}, {@code specVersion}). */
  CYCLONEDX_JSON(List.of("1.3", "1.4", "1.5", "1.6")),
  /** CycloneDX XML (namespace {@code http://cyclonedx.org/schema/bom/1.x}). */
  CYCLONEDX_XML(List.of("1.3", "1.4", "1.5", "1.6"));

  private final List<String> supportedVersions;

  SbomFormat(List<String> supportedVersions) {
    this.supportedVersions = supportedVersions;
  }

  /** The spec versions accepted, oldest first. */
  public List<String> supportedVersions() {
    return supportedVersions;
  }

  /** Whether {@code version} is one of {@link #supportedVersions()}. */
  public boolean supports(String version) {
    return supportedVersions.contains(version);
  }
}
