package dev.hallmark.core.findings.internal;

import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.advisory.Score;
import dev.hallmark.core.findings.Evidence;
import dev.hallmark.core.findings.FindingStatus;
import dev.hallmark.core.match.OsvEvent;
import dev.hallmark.core.match.OsvRange;
import dev.hallmark.core.match.OsvRanges;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import dev.hallmark.core.match.RangeException;
import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import dev.hallmark.core.match.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OSV: an affected package matches a component by package URL (the record's {@code purl}, else one
 * built from ecosystem and name), compared without version and qualifiers; the component's version
 * is then evaluated against {@code versions} and every range exactly as the OSV schema defines
 * (core/match {@link OsvRanges}). Withdrawn records say nothing. The vulnerability is the CVE alias
 * when there is one, else the OSV id (records without a CVE are kept).
 */
public final class OsvStatements {
  /** OSV ecosystem (without suffix) → purl type, for records that carry no purl. */
  private static final Map<String, String> PURL_TYPES =
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
          Map.entry("SwiftURL", "swift"),
          Map.entry("CRAN", "cran"),
          Map.entry("Hackage", "hackage"));

  private final VersionSchemes schemes;
  private final OsvRanges ranges = new OsvRanges();

  public OsvStatements(VersionSchemes schemes) {
    this.schemes = schemes;
  }

  public List<Statement> of(OsvAdvisory a, ComponentIndex components, List<String> warnings) {
    List<Statement> out = new ArrayList<>();
    if (a.isWithdrawn()) {
      return out;
    }
    String vulnerability =
        a.aliases().stream().filter(x -> x.startsWith("CVE-")).findFirst().orElse(a.id());
    List<String> aliases = new ArrayList<>(a.aliases());
    aliases.add(a.id());
    aliases.remove(vulnerability);
    for (OsvAdvisory.Affected affected : a.affected()) {
      Optional<PackageUrl> base = base(affected, warnings, a.id());
      if (base.isEmpty()) {
        continue;
      }
      Optional<VersionScheme> scheme = scheme(affected, base.get());
      List<OsvRange> osvRanges = ranges(affected, a.id(), warnings);
      for (Parsed c : components.byBase(base.get())) {
        if (c.purl() == null || !c.purl().base().equals(base.get())) {
          continue;
        }
        String version = c.version();
        if (version == null || scheme.isEmpty()) {
          warnings.add(
              a.id()
                  + ": "
                  + c.component().ref()
                  + " has no version or no version scheme for "
                  + affected.ecosystem()
                  + "; not evaluated");
          continue;
        }
        boolean hit;
        try {
          hit = ranges.isAffected(affected.versions(), osvRanges, version, scheme.get(), null);
        } catch (RangeException e) {
          warnings.add(a.id() + ": " + c.component().ref() + ": " + e.getMessage());
          continue;
        }
        if (!hit) {
          continue;
        }
        Optional<Score> score =
            Severities.pick(affected.severity().isEmpty() ? a.severity() : affected.severity());
        out.add(
            new Statement(
                c,
                vulnerability,
                aliases,
                FindingStatus.AFFECTED,
                null,
                score.map(Severities::word).orElse(null),
                score.map(Score::baseScore).orElse(null),
                new Evidence(
                    a.id(),
                    "purl",
                    base.get().toString(),
                    describe(affected),
                    scheme.get().name(),
                    "OSV affected: " + affected.ecosystem() + " " + affected.name())));
      }
    }
    return out;
  }

  public static Optional<PackageUrl> base(
      OsvAdvisory.Affected affected, List<String> warnings, String id) {
    try {
      if (affected.purl() != null && !affected.purl().isBlank()) {
        return Optional.of(PackageUrl.parse(affected.purl()).base());
      }
      String ecosystem = affected.ecosystem() == null ? "" : affected.ecosystem().split(":")[0];
      String type = PURL_TYPES.get(ecosystem);
      if (type == null || affected.name() == null) {
        return Optional.empty();
      }
      String name = affected.name();
      String namespace = null;
      int split = type.equals("maven") ? name.indexOf(':') : name.lastIndexOf('/');
      if (split > 0
          && (type.equals("maven")
              || type.equals("golang")
              || type.equals("composer")
              || type.equals("npm") && name.startsWith("@"))) {
        namespace = name.substring(0, split);
        name = name.substring(split + 1);
      }
      return Optional.of(PackageUrl.of(type, namespace, name, null, Map.of(), null));
    } catch (PurlException | RuntimeException e) {
      warnings.add(id + ": affected package " + affected.name() + " has no usable package URL");
      return Optional.empty();
    }
  }

  private Optional<VersionScheme> scheme(OsvAdvisory.Affected affected, PackageUrl base) {
    Optional<VersionScheme> s =
        affected.ecosystem() == null
            ? Optional.empty()
            : schemes.forOsvEcosystem(affected.ecosystem());
    return s.isPresent() ? s : schemes.forPurlType(base.type());
  }

  private List<OsvRange> ranges(OsvAdvisory.Affected affected, String id, List<String> warnings) {
    List<OsvRange> out = new ArrayList<>();
    for (OsvAdvisory.Range r : affected.ranges()) {
      List<OsvEvent> events = new ArrayList<>();
      for (OsvAdvisory.Event e : r.events()) {
        events.add(new OsvEvent(OsvEvent.Kind.valueOf(e.kind().name()), e.value()));
      }
      try {
        out.add(
            OsvRange.of(
                OsvRange.Type.valueOf(r.type().toUpperCase(Locale.ROOT)), r.repo(), events));
      } catch (RangeException | IllegalArgumentException e) {
        warnings.add(id + ": range skipped: " + e.getMessage());
      }
    }
    return out;
  }

  private static String describe(OsvAdvisory.Affected affected) {
    StringBuilder sb = new StringBuilder();
    if (!affected.versions().isEmpty()) {
      sb.append("versions ").append(affected.versions());
    }
    for (OsvAdvisory.Range r : affected.ranges()) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(r.type()).append(' ');
      for (OsvAdvisory.Event e : r.events()) {
        sb.append(e.kind().name().toLowerCase(Locale.ROOT))
            .append('=')
            .append(e.value())
            .append(' ');
      }
    }
    return sb.toString().trim();
  }

  /** Whether two versions are equal in {@code scheme} (false when either does not parse). */
  static boolean same(VersionScheme scheme, String a, String b) {
    try {
      return scheme.compare(a, b) == 0;
    } catch (VersionException e) {
      return false;
    }
  }
}
