package dev.hallmark.core.findings.internal;

import dev.hallmark.core.advisory.CveRecord;
import dev.hallmark.core.advisory.Score;
import dev.hallmark.core.findings.Evidence;
import dev.hallmark.core.findings.FindingStatus;
import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.CpeException;
import dev.hallmark.core.match.CpeRelation;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import dev.hallmark.core.match.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CVE 5: an affected entry matches a component by one of its CPEs (a superset of or equal to the
 * component's CPE) or by package (a {@code collectionURL} of a known registry and {@code
 * packageName}, as a package URL). The component's version is then checked against each {@code
 * versions} entry — exact, or from {@code version} up to {@code lessThan} / {@code lessThanOrEqual}
 * in the scheme {@code versionType} names (else the package type's) — and the entry's {@code
 * defaultStatus} applies when none covers it. A record that is not PUBLISHED says nothing.
 */
public final class CveStatements {
  /** Registry (collectionURL prefix) → purl type. */
  private static final Map<String, String> REGISTRIES =
      Map.of(
          "https://repo.maven.apache.org/maven2", "maven",
          "https://registry.npmjs.org", "npm",
          "https://pypi.org", "pypi",
          "https://rubygems.org", "gem",
          "https://crates.io", "cargo",
          "https://www.nuget.org", "nuget",
          "https://packagist.org", "composer",
          "https://pkg.go.dev", "golang");

  private final VersionSchemes schemes;

  public CveStatements(VersionSchemes schemes) {
    this.schemes = schemes;
  }

  public List<Statement> of(CveRecord r, ComponentIndex components, List<String> warnings) {
    List<Statement> out = new ArrayList<>();
    if (!"PUBLISHED".equalsIgnoreCase(r.state())) {
      return out;
    }
    Optional<Score> score = Severities.pick(r.metrics());
    for (CveRecord.Affected a : r.affected()) {
      Optional<PackageUrl> pkg = packageOf(a);
      List<Cpe> cpes = new ArrayList<>();
      for (String text : a.cpes()) {
        try {
          cpes.add(Cpe.parse(text));
        } catch (CpeException e) {
          warnings.add(r.id() + ": " + e.getMessage());
        }
      }
      List<Parsed> candidates = new ArrayList<>();
      pkg.ifPresent(b -> candidates.addAll(components.byBase(b)));
      for (Cpe cpe : cpes) {
        for (Parsed p : components.byCpe(cpe)) {
          if (!candidates.contains(p)) {
            candidates.add(p);
          }
        }
      }
      for (Parsed c : candidates) {
        String matchedBy;
        String identifier;
        if (pkg.isPresent() && c.purl() != null && pkg.get().equals(c.purl().base())) {
          matchedBy = "purl";
          identifier = pkg.get().toString();
        } else {
          Optional<Cpe> hit = c.cpe() == null ? Optional.empty() : cpeMatch(cpes, c.cpe());
          if (hit.isEmpty()) {
            continue;
          }
          matchedBy = "cpe";
          identifier = hit.get().toFormattedString();
        }
        Optional<FindingStatus> status = status(a, c, pkg, warnings, r.id());
        if (status.isEmpty()) {
          continue;
        }
        out.add(
            new Statement(
                c,
                r.id(),
                List.of(),
                status.get(),
                null,
                score.map(Severities::word).orElse(null),
                score.map(Score::baseScore).orElse(null),
                new Evidence(
                    r.id(),
                    matchedBy,
                    identifier,
                    describe(a),
                    a.versions().isEmpty() || a.versions().get(0).versionType() == null
                        ? "package type"
                        : a.versions().get(0).versionType(),
                    "CVE " + r.id() + ": " + a.vendor() + " " + a.product())));
      }
    }
    return out;
  }

  public static Optional<PackageUrl> packageOf(CveRecord.Affected a) {
    if (a.collectionUrl() == null || a.packageName() == null) {
      return Optional.empty();
    }
    String url = a.collectionUrl().replaceAll("/+$", "");
    String type = REGISTRIES.get(url);
    if (type == null) {
      return Optional.empty();
    }
    String name = a.packageName();
    String namespace = null;
    int split = type.equals("maven") ? name.indexOf(':') : name.lastIndexOf('/');
    if (split > 0) {
      namespace = name.substring(0, split);
      name = name.substring(split + 1);
    }
    try {
      return Optional.of(PackageUrl.of(type, namespace, name, null, Map.of(), null));
    } catch (PurlException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Cpe> cpeMatch(List<Cpe> cpes, Cpe component) {
    for (Cpe c : cpes) {
      CpeRelation rel = c.compare(component);
      if (rel == CpeRelation.EQUAL || rel == CpeRelation.SUPERSET) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The status of the component's version: the first {@code versions} entry covering it, else the
   * default status — unless an entry could not be evaluated (no scheme parses its versions), in
   * which case nothing is claimed (a warning says why).
   */
  private Optional<FindingStatus> status(
      CveRecord.Affected a, Parsed c, Optional<PackageUrl> pkg, List<String> warnings, String id) {
    String version = c.version();
    boolean undecided = false;
    for (CveRecord.Version v : a.versions()) {
      List<VersionScheme> candidates = new ArrayList<>();
      if (v.versionType() != null) {
        schemes.byName(v.versionType()).ifPresent(candidates::add);
      }
      if (c.purl() != null) {
        schemes
            .forPurlType(c.purl().type())
            .filter(s -> !candidates.contains(s))
            .ifPresent(candidates::add);
      }
      if (version == null || candidates.isEmpty()) {
        undecided = true;
        continue;
      }
      Boolean covered = null;
      String error = null;
      for (VersionScheme s : candidates) {
        try {
          covered = covers(s, v, version);
          break;
        } catch (VersionException e) {
          error = e.getMessage();
        }
      }
      if (covered == null) {
        undecided = true;
        warnings.add(id + ": " + c.component().ref() + ": cannot compare versions: " + error);
        continue;
      }
      if (covered) {
        return Optional.ofNullable(map(v.status()));
      }
    }
    return undecided ? Optional.empty() : Optional.ofNullable(map(a.defaultStatus()));
  }

  private static boolean covers(VersionScheme s, CveRecord.Version v, String version)
      throws VersionException {
    boolean fromStart = v.version().equals("0") || s.compare(v.version(), version) <= 0;
    if (v.lessThan() != null) {
      return fromStart && (v.lessThan().equals("*") || s.compare(version, v.lessThan()) < 0);
    }
    if (v.lessThanOrEqual() != null) {
      return fromStart
          && (v.lessThanOrEqual().equals("*") || s.compare(version, v.lessThanOrEqual()) <= 0);
    }
    return s.compare(v.version(), version) == 0;
  }

  private static FindingStatus map(String status) {
    if (status == null) {
      return null;
    }
    switch (status) {
      case "affected":
        return FindingStatus.AFFECTED;
      case "unaffected":
        return FindingStatus.NOT_AFFECTED;
      default:
        return null; // "unknown" says nothing
    }
  }

  private static String describe(CveRecord.Affected a) {
    List<String> parts = new ArrayList<>();
    for (CveRecord.Version v : a.versions()) {
      String range =
          v.lessThan() != null
              ? ">= " + v.version() + ", < " + v.lessThan()
              : v.lessThanOrEqual() != null
                  ? ">= " + v.version() + ", <= " + v.lessThanOrEqual()
                  : "= " + v.version();
      parts.add(v.status() + " " + range);
    }
    parts.add("default " + a.defaultStatus());
    return String.join("; ", parts);
  }
}
