package dev.hallmark.core.advisory.internal;

import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CsafRelationship;
import dev.hallmark.core.advisory.CsafVulnerability;
import dev.hallmark.core.advisory.ProductStatus;
import dev.hallmark.core.advisory.Score;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSAF 2.0 mandatory tests implemented so far (section 6.1): 6.1.1 missing product definition,
 * 6.1.2 multiple product definition (in the parser), 6.1.4 missing group definition, 6.1.5 multiple
 * group definition (in the parser), 6.1.6 contradicting product status. Each failure names the test
 * and the offending id.
 */
final class CsafChecks {
  private CsafChecks() {}

  static void check(CsafAdvisory a) throws AdvisoryFormatException {
    for (CsafRelationship r : a.relationships()) {
      defined(a, r.productReference(), "product_tree.relationships");
      defined(a, r.relatesTo(), "product_tree.relationships");
    }
    for (Map.Entry<String, List<String>> g : a.productGroups().entrySet()) {
      for (String id : g.getValue()) {
        defined(a, id, "product group " + g.getKey());
      }
    }
    for (int i = 0; i < a.vulnerabilities().size(); i++) {
      CsafVulnerability v = a.vulnerabilities().get(i);
      String where = "vulnerabilities[" + i + "]";
      Map<String, String> groupOf = new HashMap<>();
      for (ProductStatus s : ProductStatus.values()) {
        for (String id : v.products(s)) {
          defined(a, id, where + ".product_status." + s.field());
          String group = s.group();
          if (group == null) {
            continue;
          }
          String previous = groupOf.putIfAbsent(id, group);
          if (previous != null && !previous.equals(group)) {
            throw new AdvisoryFormatException(
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
      for (Score s : v.scores()) {
        for (String id : s.products()) {
          defined(a, id, where + ".scores");
        }
      }
      for (CsafVulnerability.Remediation r : v.remediations()) {
        products(a, r.products(), r.groups(), where + ".remediations");
      }
      for (CsafVulnerability.Flag f : v.flags()) {
        products(a, f.products(), f.groups(), where + ".flags");
      }
      for (CsafVulnerability.Threat t : v.threats()) {
        products(a, t.products(), t.groups(), where + ".threats");
      }
    }
  }

  private static void products(
      CsafAdvisory a, List<String> products, List<String> groups, String where)
      throws AdvisoryFormatException {
    for (String id : products) {
      defined(a, id, where);
    }
    for (String g : groups) {
      if (!a.productGroups().containsKey(g)) {
        throw new AdvisoryFormatException(
            "6.1.4 missing definition of product group id " + g + " used in " + where);
      }
    }
  }

  private static void defined(CsafAdvisory a, String id, String where)
      throws AdvisoryFormatException {
    if (!a.products().containsKey(id)) {
      throw new AdvisoryFormatException(
          "6.1.1 missing definition of product id " + id + " used in " + where);
    }
  }
}
