package dev.hallmark.core.sbom;

import java.util.List;
import java.util.Objects;

/**
 * Document-level facts.
 *
 * @param format the encoding read
 * @param specVersion the spec version as the document states it ({@code SPDX-2.3}, {@code 1.6},
 *     {@code 3.0.1})
 * @param compression how the bytes were compressed
 * @param documentId SPDX document namespace / SPDX 3 document id / CycloneDX serial number, or null
 * @param name the document name (CycloneDX: the metadata component's name), or null
 * @param created creation time as written, or null
 * @param creators creators / tools as written
 * @param describes refs of the elements the document describes (SPDX {@code DESCRIBES}, SPDX 3 root
 *     elements, the CycloneDX metadata component)
 * @param externalDocuments other SPDX 2 documents it refers to
 */
public record SbomMetadata(
    SbomFormat format,
    String specVersion,
    Compression compression,
    String documentId,
    String name,
    String created,
    List<String> creators,
    List<String> describes,
    List<ExternalDocument> externalDocuments) {
  public SbomMetadata {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(compression, "compression");
    creators = List.copyOf(creators);
    describes = List.copyOf(describes);
    externalDocuments = List.copyOf(externalDocuments);
  }
}
