package dev.hallmark.core.match;

import dev.hallmark.core.match.internal.CpeCodec;
import java.util.List;

/**
 * A CPE name (well-formed name, NISTIR 7695) with its eleven attributes, read from a CPE 2.3
 * formatted string ({@code cpe:2.3:a:vendor:product:...}) or a CPE 2.2 URI ({@code
 * cpe:/a:vendor:product:...}). Each attribute is {@link #ANY} ({@code *}), {@link #NA} ({@code -})
 * or a lower-case value in formatted-string notation: special characters escaped with {@code \},
 * unescaped {@code *} and {@code ?} at either end are wildcards.
 */
public record Cpe(
    String part,
    String vendor,
    String product,
    String version,
    String update,
    String edition,
    String language,
    String swEdition,
    String targetSw,
    String targetHw,
    String other) {
  /** The logical value ANY. */
  public static final String ANY = "*";

  /** The logical value NA (not applicable). */
  public static final String NA = "-";

  /** Rejects nulls, empty values and a part other than {@code a}, {@code o}, {@code h} or ANY. */
  public Cpe {
    for (String v :
        new String[] {
          part, vendor, product, version, update, edition, language, swEdition, targetSw, targetHw,
          other
        }) {
      if (v == null || v.isEmpty()) {
        throw new IllegalArgumentException("CPE attribute values are never null or empty");
      }
    }
    if (!List.of("a", "o", "h", ANY).contains(part)) {
      throw new IllegalArgumentException("CPE part must be a, o, h or *");
    }
  }

  /** Parses a CPE 2.3 formatted string or a CPE 2.2 URI. */
  public static Cpe parse(String text) throws CpeException {
    String[] a =
        text.startsWith("cpe:2.3:") ? CpeCodec.fromFormattedString(text) : CpeCodec.fromUri(text);
    if (!List.of("a", "o", "h", ANY).contains(a[0])) {
      throw new CpeException("CPE part '" + a[0] + "' is not a, o, h or *");
    }
    return new Cpe(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10]);
  }

  /**
   * The product stream of an OSV {@code Red Hat:<suffix>} ecosystem: the suffix is a CPE 2.2 URI
   * with its {@code cpe:/a:redhat:} or {@code cpe:/o:redhat:} prefix removed, so the part is
   * unknown and left ANY ({@code Red Hat:rhel_aus:8.4::appstream} is {@code
   * cpe:/*:redhat:rhel_aus:8.4::appstream}).
   */
  public static Cpe fromRedHatEcosystem(String ecosystem) throws CpeException {
    String prefix = "Red Hat:";
    if (!ecosystem.startsWith(prefix) || ecosystem.length() == prefix.length()) {
      throw new CpeException("'" + ecosystem + "' is not an OSV 'Red Hat:<cpe suffix>' ecosystem");
    }
    return parse("cpe:/:redhat:" + ecosystem.substring(prefix.length()));
  }

  /** The attributes in order part, vendor, ..., other. */
  public List<String> attributes() {
    return List.of(
        part, vendor, product, version, update, edition, language, swEdition, targetSw, targetHw,
        other);
  }

  /** The CPE 2.3 formatted-string binding. */
  public String toFormattedString() {
    return "cpe:2.3:" + String.join(":", attributes());
  }

  /** The CPE 2.2 URI binding (extended attributes packed into the edition). */
  public String toUri() {
    return CpeCodec.toUri(attributes());
  }

  /**
   * The relation of this (source) name to {@code target} by NISTIR 7696: DISJOINT if any attribute
   * is, EQUAL if all are, SUPERSET (SUBSET) if all are SUPERSET (SUBSET) or EQUAL, else UNDEFINED.
   */
  public CpeRelation compare(Cpe target) {
    List<String> s = attributes();
    List<String> t = target.attributes();
    boolean superset = true;
    boolean subset = true;
    boolean undefined = false;
    for (int i = 0; i < s.size(); i++) {
      CpeRelation r = CpeCodec.compareAttribute(s.get(i), t.get(i));
      if (r == CpeRelation.DISJOINT) {
        return CpeRelation.DISJOINT;
      }
      undefined |= r == CpeRelation.UNDEFINED;
      superset &= r == CpeRelation.SUPERSET || r == CpeRelation.EQUAL;
      subset &= r == CpeRelation.SUBSET || r == CpeRelation.EQUAL;
    }
    if (undefined) {
      return CpeRelation.UNDEFINED;
    }
    if (superset && subset) {
      return CpeRelation.EQUAL;
    }
    return superset ? CpeRelation.SUPERSET : subset ? CpeRelation.SUBSET : CpeRelation.UNDEFINED;
  }

  /** Whether this name (e.g. an advisory's) covers {@code target}: SUPERSET or EQUAL. */
  public boolean matches(Cpe target) {
    CpeRelation r = compare(target);
    return r == CpeRelation.SUPERSET || r == CpeRelation.EQUAL;
  }

  /**
   * The guard Hallmark puts before any CPE match: part, vendor and product are concrete values (no
   * ANY, NA or wildcard) and equal. Wildcard vendors and products are the main source of CPE false
   * positives, so a name that fails this never matches by CPE alone.
   */
  public boolean sameProduct(Cpe other) {
    return concrete(part)
        && concrete(vendor)
        && concrete(product)
        && part.equals(other.part)
        && vendor.equals(other.vendor)
        && product.equals(other.product);
  }

  private static boolean concrete(String v) {
    return !v.equals(ANY) && !v.equals(NA) && !CpeCodec.hasWildcard(v);
  }
}
