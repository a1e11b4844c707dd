package dev.hallmark.analyzer;

import java.util.List;
import java.util.Objects;

/**
 * The answer to an upload, shaped as trustify's {@code IngestResult}.
 *
 * @param id the stored document's id ({@code urn:uuid:...})
 * @param documentId the id the document declares (SPDX namespace, CycloneDX serial number, advisory
 *     id), or null
 * @param warnings what was accepted but worth telling
 * @param duplicate true when the same bytes were already stored: {@code id} is the existing one and
 *     nothing new was written
 */
public record IngestResult(String id, String documentId, List<String> warnings, boolean duplicate) {
  public IngestResult {
    Objects.requireNonNull(id, "id");
    warnings = List.copyOf(warnings);
  }
}
