package dev.hallmark.core.sbom;

import java.util.Objects;

/**
 * Another SPDX document this one refers to ({@code externalDocumentRefs}): relationships name its
 * elements as {@code DocumentRef-x:SPDXRef-y}.
 *
 * @param id the local id ({@code DocumentRef-x})
 * @param namespace the other document's namespace URI
 * @param checksum the other document's checksum, or null
 */
public record ExternalDocument(String id, String namespace, Hash checksum) {
  public ExternalDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(namespace, "namespace");
  }
}
