package dev.hallmark.analyzer;

import java.util.Objects;

/**
 * One relationship of a stored SBOM, as the document states it, with the names of the packages at
 * either end (null when the ref is not a package: a file, the document, {@code NOASSERTION}).
 *
 * @param from the ref it starts at
 * @param type the relationship type as written ({@code DEPENDS_ON}, {@code dependsOn}...)
 * @param to the ref it points to
 * @param fromName the name of the package {@code from} refers to, or null
 * @param toName the name of the package {@code to} refers to, or null
 */
public record Edge(String from, String type, String to, String fromName, String toName) {
  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(to, "to");
  }
}
