package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CsafProduct;
import dev.hallmark.core.advisory.CsafRelationship;
import dev.hallmark.core.advisory.CsafVulnerability;
import dev.hallmark.core.advisory.ProductStatus;
import dev.hallmark.core.advisory.Score;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CSAF 2.0 mandatory tests (section 6.1) except 6.1.11 (CWE names need the CWE catalog). This
 * class holds the product-tree and vulnerability tests (6.1.1–6.1.6, 6.1.13, 6.1.23–6.1.25, 6.1.29,
 * 6.1.31–6.1.33; 6.1.2 and 6.1.5 are detected while parsing) and runs the score and profile tests;
 * the parser runs the document tests. Each failure message starts with the test's number.
 */
final class CsafChecks {
  private static final Pattern PURL_TYPE = Pattern.compile("[A-Za-z.+-][A-Za-z0-9.+-]*");
  private static final Pattern VERSION_RANGE =
      Pattern.compile(
          "[<>]|(^|\\s)(after|all|before|earlier|later|prior|versions)(\\s|$)",
          Pattern.CASE_INSENSITIVE);

  private CsafChecks() {}

  static void check(JsonNode root, CsafAdvisory a, CsafFindings findings) {
    for (CsafRelationship r : a.relationships()) {
      if (r.productId().equals(r.productReference()) || r.productId().equals(r.relatesTo())) {
        findings.refuse("6.1.3 circular definition of product id " + r.productId());
      }
      defined(a, r.productReference(), "product_tree.relationships", findings);
      defined(a, r.relatesTo(), "product_tree.relationships", findings);
    }
    for (Map.Entry<String, List<String>> g : a.productGroups().entrySet()) {
      for (String id : g.getValue()) {
        defined(a, id, "product group " + g.getKey(), findings);
      }
    }
    for (CsafProduct p : a.products().values()) {
      if (p.purl() != null && !validPurl(p.purl())) {
        findings.refuse(
            "6.1.13 PURL: " + p.purl() + " of product " + p.productId() + " is invalid");
      }
    }
    hashesAndBranches(root.path("product_tree"), findings);
    Set<String> cves = new HashSet<>();
    for (int i = 0; i < a.vulnerabilities().size(); i++) {
      CsafVulnerability v = a.vulnerabilities().get(i);
      String where = "vulnerabilities[" + i + "]";
      if (v.cve() != null && !cves.add(v.cve())) {
        findings.refuse("6.1.23 multiple use of same CVE " + v.cve());
      }
      statuses(a, v, where, findings);
      for (Score s : v.scores()) {
        for (String id : s.products()) {
          defined(a, id, where + ".scores", findings);
        }
      }
      for (CsafVulnerability.Remediation r : v.remediations()) {
        if (r.products().isEmpty() && r.groups().isEmpty()) {
          findings.refuse("6.1.29 remediation without product reference in " + where);
        }
        resolve(a, r.products(), r.groups(), where + ".remediations", findings);
      }
      Map<String, String> flagged = new HashMap<>();
      for (CsafVulnerability.Flag f : v.flags()) {
        if (f.products().isEmpty() && f.groups().isEmpty()) {
          findings.refuse("6.1.32 flag without product reference in " + where);
        }
        for (String id : resolve(a, f.products(), f.groups(), where + ".flags", findings)) {
          String previous = flagged.putIfAbsent(id, f.label());
          if (previous != null) {
            findings.refuse(
                "6.1.33 multiple flags with VEX justification codes for product "
                    + id
                    + " in "
                    + where
                    + ": "
                    + previous
                    + " and "
                    + f.label());
          }
        }
      }
      for (CsafVulnerability.Threat t : v.threats()) {
        resolve(a, t.products(), t.groups(), where + ".threats", findings);
      }
      Set<String> involvements = new HashSet<>();
      for (JsonNode inv : root.path("vulnerabilities").path(i).path("involvements")) {
        if (!involvements.add(inv.path("party").asText() + "@" + inv.path("date").asText())) {
          findings.refuse(
              "6.1.24 multiple definition in involvements: "
                  + inv.path("party").asText()
                  + " at "
                  + inv.path("date").asText()
                  + " in "
                  + where);
        }
      }
    }
    CsafScoreChecks.check(root, findings);
    CsafProfileChecks.check(root, a, findings);
  }

  /** The product ids named directly or through groups (unknown groups contribute none). */
  static Set<String> resolve(CsafAdvisory a, List<String> products, List<String> groups) {
    Set<String> out = new LinkedHashSet<>(products);
    for (String g : groups) {
      out.addAll(a.productGroups().getOrDefault(g, List.of()));
    }
    return out;
  }

  private static Set<String> resolve(
      CsafAdvisory a,
      List<String> products,
      List<String> groups,
      String where,
      CsafFindings findings) {
    for (String id : products) {
      defined(a, id, where, findings);
    }
    for (String g : groups) {
      if (!a.productGroups().containsKey(g)) {
        findings.refuse("6.1.4 missing definition of product group id " + g + " used in " + where);
      }
    }
    return resolve(a, products, groups);
  }

  private static void statuses(
      CsafAdvisory a, CsafVulnerability v, String where, CsafFindings findings) {
    Map<String, String> groupOf = new HashMap<>();
    for (ProductStatus s : ProductStatus.values()) {
      for (String id : v.products(s)) {
        defined(a, id, where + ".product_status." + s.field(), findings);
        String group = s.group();
        if (group == null) {
          continue;
        }
        String previous = groupOf.putIfAbsent(id, group);
        if (previous != null && !previous.equals(group)) {
          findings.refuse(
              "6.1.6 contradicting product status: "
                  + id
                  + " is both "
                  + previous
                  + " and "
                  + group
                  + " in "
                  + where);
        }
      }
    }
  }

  private static void hashesAndBranches(JsonNode tree, CsafFindings findings) {
    for (JsonNode p : tree.findValues("product_identification_helper")) {
      for (JsonNode h : p.path("hashes")) {
        Set<String> algorithms = new HashSet<>();
        for (JsonNode fh : h.path("file_hashes")) {
          if (!algorithms.add(fh.path("algorithm").asText().toLowerCase(Locale.ROOT))) {
            findings.refuse(
                "6.1.25 multiple use of same hash algorithm "
                    + fh.path("algorithm").asText()
                    + " for "
                    + h.path("filename").asText());
          }
        }
      }
    }
    branches(tree.path("branches"), findings);
  }

  private static void branches(JsonNode branches, CsafFindings findings) {
    for (JsonNode b : branches) {
      if (b.path("category").asText().equals("product_version")
          && VERSION_RANGE.matcher(b.path("name").asText()).find()) {
        findings.refuse("6.1.31 version range in product version: " + b.path("name").asText());
      }
      branches(b.path("branches"), findings);
    }
  }

  /** purl-spec syntax: {@code pkg:type/namespace/name@version?qualifiers#subpath}, name present. */
  static boolean validPurl(String purl) {
    if (!purl.startsWith("pkg:")) {
      return false;
    }
    String rest = purl.substring(4).replaceFirst("^/+", "");
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int q = rest.indexOf('?');
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    if (slash <= 0 || !PURL_TYPE.matcher(rest.substring(0, slash)).matches()) {
      return false;
    }
    String path = rest.substring(slash + 1);
    int at = path.lastIndexOf('@');
    if (at >= 0 && at < path.lastIndexOf('/')) {
      at = -1;
    }
    String withoutVersion = at >= 0 ? path.substring(0, at) : path;
    String name = withoutVersion.substring(withoutVersion.lastIndexOf('/') + 1);
    return !name.isEmpty();
  }

  private static void defined(CsafAdvisory a, String id, String where, CsafFindings findings) {
    if (!a.products().containsKey(id)) {
      findings.refuse("6.1.1 missing definition of product id " + id + " used in " + where);
    }
  }
}
