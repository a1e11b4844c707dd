package dev.hallmark.core.findings;

import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CsafProduct;
import dev.hallmark.core.advisory.CveRecord;
import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.findings.internal.CsafStatements;
import dev.hallmark.core.findings.internal.CveStatements;
import dev.hallmark.core.findings.internal.OsvStatements;
import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.CpeException;
import dev.hallmark.core.match.FileDigest;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys under which the {@link Correlator} brings components and advisory statements together,
 * for stores that correlate incrementally: an advisory can only ever say something about a
 * component when they share a key. Keys are {@code purl:<type/namespace/name>} (a package URL
 * without version, qualifiers and subpath), {@code cpe:<vendor>:<product>}, {@code
 * hash:<algorithm>:<hex>} (a file digest, CSAF products identified by hashes), and {@link #ANY_CPE}
 * for a CPE statement whose vendor or product is left open (it concerns every component with a CPE,
 * so every such component has that key too). The advisory side is a superset: every product an
 * advisory names, whatever its status.
 */
public final class MatchKeys {
  /** The key of statements about CPEs with an open vendor or product. */
  public static final String ANY_CPE = "cpe:*";

  private MatchKeys() {}

  /** {@code purl:} and the base of {@code purl}. */
  public static String of(PackageUrl purl) {
    return "purl:" + purl.base();
  }

  /** {@code cpe:vendor:product}, or {@link #ANY_CPE} when either is open. */
  public static String of(Cpe cpe) {
    return concrete(cpe.vendor()) && concrete(cpe.product())
        ? "cpe:" + cpe.vendor() + ":" + cpe.product()
        : ANY_CPE;
  }

  /** {@code hash:} and the digest, {@code hash:sha256:<hex>}. */
  public static String of(FileDigest digest) {
    return "hash:" + digest;
  }

  /** The keys of a component (none for identifiers that do not parse: those never match). */
  public static Set<String> of(Component c) {
    Set<String> keys = new TreeSet<>();
    if (c.purl() != null && !c.purl().isBlank()) {
      try {
        keys.add(of(PackageUrl.parse(c.purl())));
      } catch (PurlException e) {
        // does not match anything
      }
    }
    if (c.cpe() != null && !c.cpe().isBlank()) {
      try {
        Cpe cpe = Cpe.parse(c.cpe());
        keys.add(of(cpe));
        keys.add(ANY_CPE);
      } catch (CpeException e) {
        // does not match anything
      }
    }
    for (String h : c.hashes()) {
      try {
        keys.add(of(FileDigest.parse(h)));
      } catch (IllegalArgumentException e) {
        // does not match anything
      }
    }
    return keys;
  }

  /** The keys of every product an advisory names by package URL, CPE or file digest. */
  public static Set<String> of(Advisory a) {
    Set<String> keys = new TreeSet<>();
    if (a instanceof CsafAdvisory csaf) {
      for (CsafProduct p : csaf.products().values()) {
        purl(p.purl(), keys);
        cpe(p.cpe(), keys);
        CsafStatements.digests(p).forEach(d -> keys.add(of(d)));
      }
    } else if (a instanceof OsvAdvisory osv) {
      for (OsvAdvisory.Affected affected : osv.affected()) {
        OsvStatements.base(affected, new ArrayList<>(), osv.id()).ifPresent(b -> keys.add(of(b)));
      }
    } else if (a instanceof CveRecord cve) {
      for (CveRecord.Affected affected : cve.affected()) {
        CveStatements.packageOf(affected).ifPresent(b -> keys.add(of(b)));
        affected.cpes().forEach(c -> cpe(c, keys));
      }
    }
    return keys;
  }

  private static void purl(String text, Set<String> keys) {
    if (text != null) {
      try {
        keys.add(of(PackageUrl.parse(text)));
      } catch (PurlException e) {
        // the correlator cannot use it either
      }
    }
  }

  private static void cpe(String text, Set<String> keys) {
    if (text != null) {
      try {
        keys.add(of(Cpe.parse(text)));
      } catch (CpeException e) {
        // the correlator cannot use it either
      }
    }
  }

  private static boolean concrete(String value) {
    return value != null && !value.equals(Cpe.ANY) && !value.contains("*") && !value.contains("?");
  }
}
