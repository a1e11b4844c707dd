package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CSAF mandatory tests on scores: 6.1.7 one score per CVSS version and product, 6.1.8 valid CVSS
 * objects, 6.1.9 scores computed right from the vector, 6.1.10 properties consistent with the
 * vector.
 */
final class CsafScoreChecks {
  private static final Set<String> SEVERITIES = Set.of("NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL");

  private CsafScoreChecks() {}

  static void check(JsonNode root, CsafFindings findings) {
    int i = 0;
    for (JsonNode v : root.path("vulnerabilities")) {
      String where = "vulnerabilities[" + i++ + "].scores";
      Set<String> seen = new HashSet<>();
      for (JsonNode s : v.path("scores")) {
        JsonNode v2 = s.get("cvss_v2");
        JsonNode v3 = s.get("cvss_v3");
        for (JsonNode p : s.path("products")) {
          if (v2 != null && !seen.add(p.asText() + " v" + v2.path("version").asText())) {
            findings.refuse(
                "6.1.7 multiple CVSS v2 scores for product " + p.asText() + " in " + where);
          }
          if (v3 != null && !seen.add(p.asText() + " v" + v3.path("version").asText())) {
            findings.refuse(
                "6.1.7 multiple CVSS v"
                    + v3.path("version").asText()
                    + " scores for product "
                    + p.asText()
                    + " in "
                    + where);
          }
        }
        if (v3 != null) {
          v3(v3, where + ".cvss_v3", findings);
        }
        if (v2 != null) {
          v2(v2, where + ".cvss_v2", findings);
        }
      }
    }
  }

  private static void v3(JsonNode c, String where, CsafFindings findings) {
    String version = Json.text(c, "version");
    String vector = Json.text(c, "vectorString");
    if (version == null
        || vector == null
        || !c.path("baseScore").isNumber()
        || !SEVERITIES.contains(c.path("baseSeverity").asText())) {
      findings.refuse(
          "6.1.8 invalid CVSS: "
              + where
              + " needs version, vectorString, baseScore and"
              + " baseSeverity");
      return;
    }
    Cvss3 cvss = Cvss3.parse(vector);
    if (cvss == null || !vector.startsWith("CVSS:" + version + "/")) {
      findings.refuse(
          "6.1.8 invalid CVSS: "
              + where
              + ".vectorString "
              + vector
              + " is not a CVSS "
              + version
              + " vector");
      return;
    }
    score(where, "baseScore", c, cvss.baseScore(), findings);
    severity(where, "baseSeverity", c, cvss.baseScore(), findings);
    if (c.has("temporalScore")) {
      score(where, "temporalScore", c, cvss.temporalScore(), findings);
      severity(where, "temporalSeverity", c, cvss.temporalScore(), findings);
    }
    if (c.has("environmentalScore")) {
      score(where, "environmentalScore", c, cvss.environmentalScore(), findings);
      severity(where, "environmentalSeverity", c, cvss.environmentalScore(), findings);
    }
    consistent(c, where, Cvss3.PROPERTIES, cvss::value, findings);
  }

  private static void v2(JsonNode c, String where, CsafFindings findings) {
    String vector = Json.text(c, "vectorString");
    if (Json.text(c, "version") == null || vector == null || !c.path("baseScore").isNumber()) {
      findings.refuse(
          "6.1.8 invalid CVSS: " + where + " needs version, vectorString and baseScore");
      return;
    }
    Cvss2 cvss = Cvss2.parse(vector);
    if (cvss == null || !c.path("version").asText().equals("2.0")) {
      findings.refuse(
          "6.1.8 invalid CVSS: " + where + ".vectorString " + vector + " is not a CVSS 2.0 vector");
      return;
    }
    score(where, "baseScore", c, cvss.baseScore(), findings);
    if (c.has("temporalScore")) {
      score(where, "temporalScore", c, cvss.temporalScore(), findings);
    }
    consistent(c, where, Cvss2.PROPERTIES, cvss::value, findings);
  }

  private static void score(
      String where, String field, JsonNode c, double computed, CsafFindings findings) {
    if (!Cvss3.same(computed, c.path(field).asDouble())) {
      findings.refuse(
          "6.1.9 invalid CVSS computation: "
              + where
              + "."
              + field
              + " is "
              + c.path(field).asText()
              + ", the vector gives "
              + computed);
    }
  }

  private static void severity(
      String where, String field, JsonNode c, double score, CsafFindings findings) {
    if (c.has(field) && !c.path(field).asText().equals(Cvss3.severity(score))) {
      findings.refuse(
          "6.1.9 invalid CVSS computation: "
              + where
              + "."
              + field
              + " is "
              + c.path(field).asText()
              + ", the score "
              + score
              + " is "
              + Cvss3.severity(score));
    }
  }

  private static void consistent(
      JsonNode c,
      String where,
      Map<String, String[]> properties,
      java.util.function.Function<String, String> vectorValue,
      CsafFindings findings) {
    for (Map.Entry<String, String[]> p : properties.entrySet()) {
      String given = Json.text(c, p.getKey());
      if (given == null) {
        continue;
      }
      String metric = p.getValue()[0];
      String expected = null;
      for (String pair : p.getValue()[1].split(",")) {
        String[] kv = pair.split("=");
        if (kv[0].equals(given)) {
          expected = kv[1];
        }
      }
      if (expected == null || !expected.equals(vectorValue.apply(metric))) {
        findings.refuse(
            "6.1.10 inconsistent CVSS: "
                + where
                + "."
                + p.getKey()
                + " is "
                + given
                + " but the vector has "
                + metric
                + ":"
                + vectorValue.apply(metric));
      }
    }
  }
}
