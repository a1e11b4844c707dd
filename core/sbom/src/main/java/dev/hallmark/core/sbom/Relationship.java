package dev.hallmark.core.sbom;

import java.util.Objects;

/**
 * An edge of the document's graph between two element references.
 *
 * @param from the SPDX id / bom-ref it starts at
 * @param type the source's relationship type ({@code DEPENDS_ON}, {@code CONTAINS}, SPDX 3 {@code
 *     dependsOn}; CycloneDX {@code dependencies} give {@code dependsOn})
 * @param to the SPDX id / bom-ref it points to ({@code NOASSERTION} / {@code NONE} kept)
 */
public record Relationship(String from, String type, String to) {
  /** The type CycloneDX {@code dependencies} entries are given. */
  public static final String DEPENDS_ON = "dependsOn";

  public Relationship {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(to, "to");
  }
}
