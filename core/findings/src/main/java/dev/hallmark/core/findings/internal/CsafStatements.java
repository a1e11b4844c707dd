package dev.hallmark.core.findings.internal;

import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CsafProduct;
import dev.hallmark.core.advisory.CsafRelationship;
import dev.hallmark.core.advisory.CsafVulnerability;
import dev.hallmark.core.advisory.ProductStatus;
import dev.hallmark.core.advisory.Score;
import dev.hallmark.core.findings.Evidence;
import dev.hallmark.core.findings.FindingStatus;
import dev.hallmark.core.findings.VendorProfile;
import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.CpeException;
import dev.hallmark.core.match.CpeRelation;
import dev.hallmark.core.match.FileDigest;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import dev.hallmark.core.match.VersionScheme;
import dev.hallmark.core.match.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CSAF: every product id in a vulnerability's status lists is resolved through the product tree — a
 * full product name, or a relationship whose product reference (the component) is installed on, or
 * a default component of, another product (the context) — to machine identities: the component's
 * package URL or CPE. A component matches by package URL (same type, namespace and name; the
 * product's version, when it has one, equal in the type's scheme; an unversioned product matches
 * every version) or by CPE (the product's CPE a superset of or equal to the component's). The
 * product name is never a match key.
 */
public final class CsafStatements {
  private final VersionSchemes schemes;
  private final List<VendorProfile> profiles;

  public CsafStatements(VersionSchemes schemes, List<VendorProfile> profiles) {
    this.schemes = schemes;
    this.profiles = List.copyOf(profiles);
  }

  public List<Statement> of(CsafAdvisory a, ComponentIndex components, List<String> warnings) {
    List<Statement> out = new ArrayList<>();
    for (CsafVulnerability v : a.vulnerabilities()) {
      String vulnerability = v.cve() != null ? v.cve() : a.id();
      List<String> aliases = new ArrayList<>(v.ids());
      for (ProductStatus status : ProductStatus.values()) {
        FindingStatus mapped = map(status);
        if (mapped == null) {
          continue;
        }
        for (String productId : v.products(status)) {
          Resolved r = resolve(a, productId);
          if (r == null) {
            warnings.add(a.id() + ": product " + productId + " is not in the product tree");
            continue;
          }
          for (Parsed c : candidates(r, components)) {
            Optional<Evidence> how = match(a, status, productId, r, c);
            FindingStatus effective = mapped;
            if (how.isEmpty() && mapped == FindingStatus.FIXED) {
              how = earlierInStream(a, productId, r, c);
              effective = FindingStatus.AFFECTED;
            }
            if (how.isEmpty()) {
              continue;
            }
            Optional<Score> score = Severities.pick(scoresFor(v, productId));
            out.add(
                new Statement(
                    c,
                    vulnerability,
                    aliases,
                    effective,
                    effective == FindingStatus.NOT_AFFECTED ? justification(a, v, productId) : null,
                    score.map(Severities::word).orElse(null),
                    score.map(Score::baseScore).orElse(null),
                    how.get()));
          }
        }
      }
    }
    return out;
  }

  /** The components a resolved product can concern, by its package URL, CPE or file digests. */
  private static List<Parsed> candidates(Resolved r, ComponentIndex components) {
    List<Parsed> out = new ArrayList<>();
    for (FileDigest d : digests(r.component())) {
      for (Parsed p : components.byDigest(d)) {
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
    if (r.component().purl() != null) {
      try {
        out.addAll(components.byBase(PackageUrl.parse(r.component().purl())));
      } catch (PurlException e) {
        // not a usable package URL: the CPE may still match
      }
    }
    if (r.component().cpe() != null) {
      try {
        for (Parsed p : components.byCpe(Cpe.parse(r.component().cpe()))) {
          if (!out.contains(p)) {
            out.add(p);
          }
        }
      } catch (CpeException e) {
        // not a usable CPE
      }
    }
    return out;
  }

  /** The component identity behind a product id, and the product it is part of (if any). */
  private record Resolved(CsafProduct component, String context) {}

  private static Resolved resolve(CsafAdvisory a, String productId) {
    Optional<CsafRelationship> rel = a.relationshipOf(productId);
    if (rel.isPresent()) {
      CsafProduct component = a.products().get(rel.get().productReference());
      return component == null ? null : new Resolved(component, rel.get().relatesTo());
    }
    CsafProduct p = a.products().get(productId);
    return p == null ? null : new Resolved(p, null);
  }

  private Optional<Evidence> match(
      CsafAdvisory a, ProductStatus status, String productId, Resolved r, Parsed c) {
    String statement =
        "CSAF "
            + status.field()
            + ": "
            + productId
            + (r.context() == null
                ? ""
                : " (" + r.component().productId() + " in " + r.context() + ")");
    // a file digest names exactly one file: the strongest identity there is
    for (FileDigest d : digests(r.component())) {
      if (c.digests().contains(d)) {
        return Optional.of(
            new Evidence(a.id(), "hash", d.toString(), "this file", "none", statement));
      }
    }
    if (r.component().purl() != null && c.purl() != null) {
      PackageUrl product;
      try {
        product = PackageUrl.parse(r.component().purl());
      } catch (PurlException e) {
        return Optional.empty();
      }
      if (!product.base().equals(c.purl().base())) {
        return Optional.empty();
      }
      if (product.version() == null) {
        return Optional.of(
            new Evidence(a.id(), "purl", product.toString(), "all versions", "none", statement));
      }
      Optional<VersionScheme> scheme = schemes.forPurlType(product.type());
      String want = product.comparableVersion();
      boolean equal =
          scheme.isPresent()
              ? c.version() != null && OsvStatements.same(scheme.get(), want, c.version())
              : want.equals(c.version());
      return equal
          ? Optional.of(
              new Evidence(
                  a.id(),
                  "purl",
                  product.toString(),
                  "= " + want,
                  scheme.map(VersionScheme::name).orElse("exact"),
                  statement))
          : Optional.empty();
    }
    if (r.component().cpe() != null && c.cpe() != null) {
      try {
        Cpe product = Cpe.parse(r.component().cpe());
        CpeRelation rel = product.compare(c.cpe());
        if (rel == CpeRelation.EQUAL || rel == CpeRelation.SUPERSET) {
          return Optional.of(
              new Evidence(
                  a.id(),
                  "cpe",
                  product.toFormattedString(),
                  "CPE " + rel.name().toLowerCase(java.util.Locale.ROOT),
                  "cpe",
                  statement));
        }
      } catch (CpeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A configured vendor profile's conclusion from "fixed in X": the component is the same package,
   * in the same stream, at a version below X — so affected.
   */
  private Optional<Evidence> earlierInStream(
      CsafAdvisory a, String productId, Resolved r, Parsed c) {
    if (r.component().purl() == null || c.purl() == null || c.version() == null) {
      return Optional.empty();
    }
    PackageUrl fixed;
    try {
      fixed = PackageUrl.parse(r.component().purl());
    } catch (PurlException e) {
      return Optional.empty();
    }
    if (fixed.version() == null || !fixed.base().equals(c.purl().base())) {
      return Optional.empty();
    }
    for (VendorProfile p : profiles) {
      Optional<String> stream = p.streamOf(fixed);
      Optional<VersionScheme> scheme = schemes.forPurlType(fixed.type());
      if (stream.isEmpty() || scheme.isEmpty() || !stream.equals(p.streamOf(c.purl()))) {
        continue;
      }
      try {
        if (scheme.get().compare(c.version(), fixed.comparableVersion()) < 0) {
          return Optional.of(
              new Evidence(
                  a.id(),
                  "purl",
                  fixed.toString(),
                  "< " + fixed.comparableVersion() + " in stream " + stream.get(),
                  scheme.get().name(),
                  "profile "
                      + p.name()
                      + ": CSAF fixed in "
                      + productId
                      + " implies earlier versions of stream "
                      + stream.get()
                      + " are affected"));
        }
      } catch (dev.hallmark.core.match.VersionException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A product's file hashes as digests (unusable ones are skipped). */
  public static List<FileDigest> digests(CsafProduct product) {
    List<FileDigest> out = new ArrayList<>();
    for (CsafProduct.FileHash h : product.hashes()) {
      try {
        FileDigest d = FileDigest.of(h.algorithm(), h.value());
        if (!out.contains(d)) {
          out.add(d);
        }
      } catch (IllegalArgumentException e) {
        // not a usable digest: the product's other identities may still match
      }
    }
    return out;
  }

  private static FindingStatus map(ProductStatus s) {
    switch (s) {
      case FIRST_AFFECTED:
      case KNOWN_AFFECTED:
      case LAST_AFFECTED:
        return FindingStatus.AFFECTED;
      case FIRST_FIXED:
      case FIXED:
        return FindingStatus.FIXED;
      case KNOWN_NOT_AFFECTED:
        return FindingStatus.NOT_AFFECTED;
      case UNDER_INVESTIGATION:
        return FindingStatus.UNDER_INVESTIGATION;
      default:
        return null; // "recommended" is advice, not a status
    }
  }

  private static List<Score> scoresFor(CsafVulnerability v, String productId) {
    List<Score> mine = new ArrayList<>();
    for (Score s : v.scores()) {
      if (s.products().isEmpty() || s.products().contains(productId)) {
        mine.add(s);
      }
    }
    return mine;
  }

  /** The VEX justification of a not-affected product: its flag, else its impact statement. */
  private static String justification(CsafAdvisory a, CsafVulnerability v, String productId) {
    for (CsafVulnerability.Flag f : v.flags()) {
      if (names(a, f.products(), f.groups(), productId)) {
        return f.label();
      }
    }
    for (CsafVulnerability.Threat t : v.threats()) {
      if ("impact".equals(t.category()) && names(a, t.products(), t.groups(), productId)) {
        return t.details();
      }
    }
    return null;
  }

  /** Whether a statement's product ids, or its product groups, include {@code productId}. */
  private static boolean names(
      CsafAdvisory a, List<String> products, List<String> groups, String productId) {
    if (products.contains(productId)) {
      return true;
    }
    for (String g : groups) {
      if (a.productGroups().getOrDefault(g, List.of()).contains(productId)) {
        return true;
      }
    }
    return false;
  }
}
