package dev.hallmark.core.sbom;

import java.util.List;
import java.util.Objects;

/**
 * A license statement of a package or file.
 *
 * @param kind whether the document declares or concludes it (or does not say)
 * @param expression the SPDX license expression as written, or null for a named non-SPDX license
 * @param ids the license and {@code LicenseRef-} identifiers the expression uses (exceptions after
 *     {@code WITH} excluded; {@code NOASSERTION}/{@code NONE} give none)
 * @param name a free-text license name (CycloneDX {@code license.name}), or null
 */
public record License(Kind kind, String expression, List<String> ids, String name) {

  /** Declared by the author, concluded by the SBOM creator, or unspecified. */
  public enum Kind {
    DECLARED,
    CONCLUDED,
    UNSPECIFIED
  }

  public License {
    Objects.requireNonNull(kind, "kind");
    ids = List.copyOf(ids);
    if (expression == null && name == null) {
      throw new IllegalArgumentException("a license needs an expression or a name");
    }
  }
}
