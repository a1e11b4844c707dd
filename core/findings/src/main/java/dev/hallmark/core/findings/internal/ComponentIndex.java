package dev.hallmark.core.findings.internal;

import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.FileDigest;
import dev.hallmark.core.match.PackageUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The components of one correlation, indexed so that an advisory statement looks only at the
 * components it can concern: by package URL without version and qualifiers, by file digest, and by
 * CPE vendor and product (a statement whose CPE leaves either open looks at every component with a
 * CPE).
 */
public final class ComponentIndex {
  private final List<Parsed> all;
  private final Map<String, List<Parsed>> byBase = new HashMap<>();
  private final Map<String, List<Parsed>> byVendorProduct = new HashMap<>();
  private final List<Parsed> withCpe = new ArrayList<>();
  private final Map<FileDigest, List<Parsed>> byDigest = new HashMap<>();

  public ComponentIndex(List<Parsed> components) {
    this.all = List.copyOf(components);
    for (Parsed p : all) {
      if (p.purl() != null) {
        byBase.computeIfAbsent(p.purl().base().toString(), k -> new ArrayList<>()).add(p);
      }
      for (FileDigest d : p.digests()) {
        byDigest.computeIfAbsent(d, k -> new ArrayList<>()).add(p);
      }
      if (p.cpe() != null) {
        withCpe.add(p);
        byVendorProduct
            .computeIfAbsent(p.cpe().vendor() + ":" + p.cpe().product(), k -> new ArrayList<>())
            .add(p);
      }
    }
  }

  /** Every component, in the SBOM's order. */
  public List<Parsed> all() {
    return all;
  }

  /** The components whose package URL has this base (type, namespace, name). */
  public List<Parsed> byBase(PackageUrl base) {
    return byBase.getOrDefault(base.base().toString(), List.of());
  }

  /** The components a statement about {@code cpe} may concern. */
  public List<Parsed> byCpe(Cpe cpe) {
    boolean concrete = concrete(cpe.vendor()) && concrete(cpe.product());
    return concrete
        ? byVendorProduct.getOrDefault(cpe.vendor() + ":" + cpe.product(), List.of())
        : withCpe;
  }

  /** The components with this file digest. */
  public List<Parsed> byDigest(FileDigest digest) {
    return byDigest.getOrDefault(digest, List.of());
  }

  private static boolean concrete(String value) {
    return value != null && !value.equals(Cpe.ANY) && !value.contains("*") && !value.contains("?");
  }
}
