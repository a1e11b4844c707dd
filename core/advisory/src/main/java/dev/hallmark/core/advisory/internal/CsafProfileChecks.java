package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CsafVulnerability;
import dev.hallmark.core.advisory.ProductStatus;
import java.util.HashSet;
import java.util.Set;

/** CSAF mandatory tests 6.1.27.1–6.1.27.11: what each profile (document category) requires. */
final class CsafProfileChecks {
  private static final Set<String> NOTE_CATEGORIES =
      Set.of("description", "details", "general", "summary");

  private CsafProfileChecks() {}

  static void check(JsonNode root, CsafAdvisory a, CsafFindings findings) {
    String category = a.category();
    boolean informational = category.equals("csaf_informational_advisory");
    boolean incident = category.equals("csaf_security_incident_response");
    boolean security = category.equals("csaf_security_advisory");
    boolean vex = category.equals("csaf_vex");
    if (informational || incident) {
      if (a.notes().stream().noneMatch(n -> NOTE_CATEGORIES.contains(n.category()))) {
        findings.refuse(
            "6.1.27.1 document notes: "
                + category
                + " needs a note of category description,"
                + " details, general or summary");
      }
      if (a.references().stream().noneMatch(r -> "external".equals(r.type()))) {
        findings.refuse(
            "6.1.27.2 document references: " + category + " needs an external reference");
      }
    }
    if (informational && root.has("vulnerabilities")) {
      findings.refuse("6.1.27.3 vulnerabilities: csaf_informational_advisory must not have any");
    }
    if (!security && !vex) {
      return;
    }
    if (!root.has("product_tree")) {
      findings.refuse("6.1.27.4 product tree: " + category + " needs one");
    }
    if (!root.has("vulnerabilities")) {
      findings.refuse("6.1.27.11 vulnerabilities: " + category + " needs them");
      return;
    }
    int i = 0;
    for (JsonNode v : root.path("vulnerabilities")) {
      String where = "vulnerabilities[" + i + "]";
      CsafVulnerability parsed = a.vulnerabilities().get(i++);
      if (!v.has("notes")) {
        findings.refuse("6.1.27.5 vulnerability notes: " + where + " has none");
      }
      if (security && !v.has("product_status")) {
        findings.refuse("6.1.27.6 product status: " + where + " has no product_status");
      }
      if (!vex) {
        continue;
      }
      if (parsed.products(ProductStatus.FIXED).isEmpty()
          && parsed.products(ProductStatus.KNOWN_AFFECTED).isEmpty()
          && parsed.products(ProductStatus.KNOWN_NOT_AFFECTED).isEmpty()
          && parsed.products(ProductStatus.UNDER_INVESTIGATION).isEmpty()) {
        findings.refuse(
            "6.1.27.7 VEX product status: "
                + where
                + " lists no fixed, known_affected,"
                + " known_not_affected or under_investigation product");
      }
      if (parsed.cve() == null && parsed.ids().isEmpty()) {
        findings.refuse("6.1.27.8 vulnerability id: " + where + " has neither cve nor ids");
      }
      Set<String> impact = new HashSet<>();
      for (CsafVulnerability.Flag f : parsed.flags()) {
        impact.addAll(CsafChecks.resolve(a, f.products(), f.groups()));
      }
      for (CsafVulnerability.Threat t : parsed.threats()) {
        if (t.category().equals("impact")) {
          impact.addAll(CsafChecks.resolve(a, t.products(), t.groups()));
        }
      }
      for (String id : parsed.products(ProductStatus.KNOWN_NOT_AFFECTED)) {
        if (!impact.contains(id)) {
          findings.refuse(
              "6.1.27.9 impact statement: known_not_affected product "
                  + id
                  + " in "
                  + where
                  + " has no flag or impact threat");
        }
      }
      Set<String> action = new HashSet<>();
      for (CsafVulnerability.Remediation r : parsed.remediations()) {
        action.addAll(CsafChecks.resolve(a, r.products(), r.groups()));
      }
      for (String id : parsed.products(ProductStatus.KNOWN_AFFECTED)) {
        if (!action.contains(id)) {
          findings.refuse(
              "6.1.27.10 action statement: known_affected product "
                  + id
                  + " in "
                  + where
                  + " has no remediation");
        }
      }
    }
  }
}
