package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.ExternalReference;
import dev.hallmark.core.sbom.Hash;
import dev.hallmark.core.sbom.License;
import java.util.List;
import java.util.Locale;

/** SPDX 2 conventions shared by the JSON and tag-value readers. */
final class SpdxElements {
  private SpdxElements() {}

  /** {@code Organization: Red Hat} → {@code Red Hat}; NOASSERTION → null. */
  static String agent(String value) {
    if (value == null || value.isBlank() || value.strip().equals("NOASSERTION")) {
      return null;
    }
    String v = value.strip();
    for (String prefix : List.of("Organization:", "Person:", "Tool:")) {
      if (v.startsWith(prefix)) {
        return v.substring(prefix.length()).strip();
      }
    }
    return v;
  }

  /** A license field's value as a license, or null for absent. */
  static License license(License.Kind kind, String expression) {
    if (expression == null || expression.isBlank()) {
      return null;
    }
    return Licenses.expression(kind, expression.strip());
  }

  static Hash checksum(String algorithm, String value) {
    return new Hash(HashAlgorithms.canonical(algorithm), HashAlgorithms.value(value.strip()));
  }

  /** Sorts an SPDX external reference into purls, CPEs or other references. */
  static void externalRef(
      String type,
      String locator,
      List<String> purls,
      List<String> cpes,
      List<ExternalReference> others) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.equals("purl")) {
      purls.add(locator);
    } else if (t.equals("cpe22type") || t.equals("cpe23type")) {
      cpes.add(locator);
    } else {
      others.add(new ExternalReference(type, locator));
    }
  }

  /** Primary package purpose (SPDX 2.3) in CycloneDX-like lower case. */
  static String purpose(String purpose) {
    return purpose == null ? null : purpose.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
