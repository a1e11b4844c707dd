package dev.hallmark.core.match;

import dev.hallmark.core.match.internal.AlpmScheme;
import dev.hallmark.core.match.internal.ApkScheme;
import dev.hallmark.core.match.internal.ComposerScheme;
import dev.hallmark.core.match.internal.ConanScheme;
import dev.hallmark.core.match.internal.DatetimeScheme;
import dev.hallmark.core.match.internal.DebScheme;
import dev.hallmark.core.match.internal.GemScheme;
import dev.hallmark.core.match.internal.GenericScheme;
import dev.hallmark.core.match.internal.GentooScheme;
import dev.hallmark.core.match.internal.LexicographicScheme;
import dev.hallmark.core.match.internal.MavenScheme;
import dev.hallmark.core.match.internal.NugetScheme;
import dev.hallmark.core.match.internal.OpensslScheme;
import dev.hallmark.core.match.internal.PypiScheme;
import dev.hallmark.core.match.internal.RpmScheme;
import dev.hallmark.core.match.internal.SemVerScheme;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of version schemes: by {@code vers} scheme name, by purl type and by OSV ecosystem.
 * Create one with {@link #standard()} and pass it where it is needed.
 */
public final class VersionSchemes {
  private final Map<String, VersionScheme> byName;
  private final Map<String, String> byPurlType;
  private final Map<String, String> byOsvEcosystem;

  private VersionSchemes(
      Map<String, VersionScheme> byName,
      Map<String, String> byPurlType,
      Map<String, String> byOsvEcosystem) {
    this.byName = Map.copyOf(byName);
    this.byPurlType = Map.copyOf(byPurlType);
    this.byOsvEcosystem = Map.copyOf(byOsvEcosystem);
  }

  /** Every scheme Hallmark implements, with the standard purl-type and OSV-ecosystem mappings. */
  public static VersionSchemes standard() {
    Map<String, VersionScheme> s = new LinkedHashMap<>();
    for (VersionScheme v :
        new VersionScheme[] {
          new MavenScheme(),
          new SemVerScheme("semver", false),
          new SemVerScheme("npm", true),
          new SemVerScheme("cargo", false),
          new SemVerScheme("golang", true),
          new SemVerScheme("hex", false),
          new SemVerScheme("pub", false),
          new SemVerScheme("swift", true),
          new PypiScheme(),
          new RpmScheme(),
          new DebScheme(),
          new ApkScheme(),
          new GemScheme(),
          new NugetScheme(),
          new ComposerScheme(),
          new ConanScheme(),
          new GentooScheme(),
          new AlpmScheme(),
          new OpensslScheme(),
          new DatetimeScheme(),
          new LexicographicScheme(),
          new GenericScheme("generic"),
          new GenericScheme("nginx"),
        }) {
      s.put(v.name(), v);
    }
    Map<String, String> purl = new LinkedHashMap<>();
    for (String same :
        new String[] {
          "maven",
          "npm",
          "cargo",
          "golang",
          "hex",
          "pub",
          "swift",
          "pypi",
          "rpm",
          "deb",
          "apk",
          "gem",
          "nuget",
          "composer",
          "conan",
          "alpm",
          "generic"
        }) {
      purl.put(same, same);
    }
    purl.put("github", "semver");
    purl.put("bitnami", "semver");
    Map<String, String> osv = new LinkedHashMap<>();
    osv.put("npm", "npm");
    osv.put("pypi", "pypi");
    osv.put("maven", "maven");
    osv.put("go", "golang");
    osv.put("crates.io", "cargo");
    osv.put("nuget", "nuget");
    osv.put("rubygems", "gem");
    osv.put("packagist", "composer");
    osv.put("pub", "pub");
    osv.put("hex", "hex");
    osv.put("swifturl", "swift");
    osv.put("bitnami", "semver");
    osv.put("conancenter", "conan");
    for (String deb : new String[] {"debian", "ubuntu"}) {
      osv.put(deb, "deb");
    }
    for (String apk : new String[] {"alpine", "wolfi", "chainguard", "minimos"}) {
      osv.put(apk, "apk");
    }
    for (String rpm :
        new String[] {
          "red hat",
          "suse",
          "opensuse",
          "almalinux",
          "rocky linux",
          "mageia",
          "photon os",
          "openeuler",
          "azure linux"
        }) {
      osv.put(rpm, "rpm");
    }
    return new VersionSchemes(s, purl, osv);
  }

  /** The scheme with this {@code vers} name (case-insensitive). */
  public Optional<VersionScheme> byName(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The scheme for a purl type ({@code pkg:<type>/...}), if Hallmark orders that type. */
  public Optional<VersionScheme> forPurlType(String type) {
    return Optional.ofNullable(byPurlType.get(type.toLowerCase(Locale.ROOT))).flatMap(this::byName);
  }

  /**
   * The scheme for an OSV {@code affected[].package.ecosystem}; a suffix after the first {@code :}
   * ({@code Debian:12}, {@code Alpine:v3.20}, {@code Red Hat:rhel_aus:8.4::appstream}) scopes the
   * package but does not change the ordering.
   */
  public Optional<VersionScheme> forOsvEcosystem(String ecosystem) {
    int colon = ecosystem.indexOf(':');
    String base = (colon >= 0 ? ecosystem.substring(0, colon) : ecosystem).toLowerCase(Locale.ROOT);
    return Optional.ofNullable(byOsvEcosystem.get(base)).flatMap(this::byName);
  }

  /** The names of all registered schemes. */
  public Set<String> names() {
    return byName.keySet();
  }
}
