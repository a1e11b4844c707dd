package dev.hallmark.core.sbom;

import java.util.Objects;

/**
 * A link from a package to something outside the document (website, VCS, advisories...).
 *
 * @param type the source's reference type ({@code vcs}, {@code website}, SPDX {@code referenceType}
 *     such as {@code advisory})
 * @param locator the URL or locator
 */
public record ExternalReference(String type, String locator) {
  public ExternalReference {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(locator, "locator");
  }
}
