package dev.hallmark.analyzer;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored SBOM or advisory, without its content.
 *
 * @param id {@code urn:uuid:...}
 * @param kind SBOM or advisory
 * @param sha256 {@code sha256:<hex>} of the bytes as uploaded
 * @param size the uploaded size in bytes
 * @param format the format read ({@code SPDX_2_JSON}, {@code CYCLONEDX_XML}, {@code CSAF}...)
 * @param specVersion the spec version the document states
 * @param documentId the id the document declares, or null
 * @param name its name
 * @param labels its labels, by key
 * @param ingested when it was stored
 * @param published when the document says it was published / created, as written, or null
 * @param itemCount the SBOM's packages or the advisory's vulnerabilities
 */
public record Document(
    String id,
    DocumentKind kind,
    String sha256,
    long size,
    String format,
    String specVersion,
    String documentId,
    String name,
    Map<String, String> labels,
    Instant ingested,
    String published,
    int itemCount) {
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    // sorted by key, so answers list them in a stable order
    labels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(labels));
  }
}
