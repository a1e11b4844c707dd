package dev.hallmark.core.sbom;

import java.util.List;
import java.util.Objects;

/**
 * A file element (SPDX files; CycloneDX components of type {@code file} stay packages).
 *
 * @param ref the SPDX id
 * @param name the file name / path
 * @param hashes its checksums
 * @param licenses concluded license and licenses found in the file
 */
public record SbomFile(String ref, String name, List<Hash> hashes, List<License> licenses) {
  public SbomFile {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(name, "name");
    hashes = List.copyOf(hashes);
    licenses = List.copyOf(licenses);
  }
}
