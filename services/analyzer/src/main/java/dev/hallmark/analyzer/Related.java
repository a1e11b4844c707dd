package dev.hallmark.analyzer;

import java.util.Objects;

/**
 * An element related to the one asked about in a stored SBOM: how, and which element it is.
 *
 * @param relationship the relationship type as the document writes it ({@code DEPENDS_ON}, {@code
 *     dependsOn}, {@code CONTAINS}...; {@code DESCRIBES} for the document's roots)
 * @param ref the element's ref (SPDX id, bom-ref)
 * @param pkg the package with that ref, or null when the ref is not a package (a file, a snippet,
 *     an element of another document)
 */
public record Related(String relationship, String ref, Package pkg) {
  /** Which side of the relationships the asked-about element is on. */
  public enum Which {
    /** It is the left (from) side: answers what it points to ("what does X depend on"). */
    LEFT,
    /** It is the right (to) side: answers what points to it ("what depends on X"). */
    RIGHT
  }

  public Related {
    Objects.requireNonNull(relationship, "relationship");
    Objects.requireNonNull(ref, "ref");
  }
}
