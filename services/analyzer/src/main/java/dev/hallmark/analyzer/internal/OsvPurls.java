package dev.hallmark.analyzer.internal;

import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import java.util.Map;
import java.util.Optional;

/**
 * The versionless purl of an OSV {@code affected[].package} that gives an ecosystem and a name but
 * no purl, for the language ecosystems whose purl type is defined (distribution ecosystems keep
 * their text: their purls need a namespace and qualifiers OSV does not give).
 */
final class OsvPurls {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("npm", "npm"),
          Map.entry("PyPI", "pypi"),
          Map.entry("Maven", "maven"),
          Map.entry("Go", "golang"),
          Map.entry("crates.io", "cargo"),
          Map.entry("RubyGems", "gem"),
          Map.entry("NuGet", "nuget"),
          Map.entry("Packagist", "composer"),
          Map.entry("Hex", "hex"),
          Map.entry("Pub", "pub"),
          Map.entry("Hackage", "hackage"),
          Map.entry("CRAN", "cran"),
          Map.entry("SwiftURL", "swift"));

  private OsvPurls() {}

  static Optional<PackageUrl> of(String ecosystem, String name) {
    if (ecosystem == null || name == null || name.isEmpty()) {
      return Optional.empty();
    }
    int colon = ecosystem.indexOf(':');
    String type = TYPES.get(colon < 0 ? ecosystem : ecosystem.substring(0, colon));
    if (type == null) {
      return Optional.empty();
    }
    String namespace = null;
    String simple = name;
    int split = type.equals("maven") ? name.indexOf(':') : name.lastIndexOf('/');
    if (split > 0 && !type.equals("pypi") && !type.equals("cargo") && !type.equals("gem")) {
      namespace = name.substring(0, split);
      simple = name.substring(split + 1);
    }
    try {
      return Optional.of(PackageUrl.of(type, namespace, simple, null, Map.of(), null));
    } catch (PurlException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
