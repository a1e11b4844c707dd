package dev.hallmark.core.advisory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CVSS v3.0 / v3.1 vectors: parsing and the base, temporal and environmental scores from the FIRST
 * specification's formulas, and the JSON property names CSAF (and NVD) use for each metric.
 */
final class Cvss3 {
  static final Pattern VECTOR =
      Pattern.compile(
          "CVSS:3[.][01]/((AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]"
              + "|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]"
              + "|MS:[XUC]|M[CIA]:[XNLH])/)*(AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]"
              + "|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]"
              + "|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])");

  /** JSON property → [metric abbreviation, value names as NAME=abbrev pairs]. */
  static final Map<String, String[]> PROPERTIES = new HashMap<>();

  static {
    String impact = "NONE=N,LOW=L,HIGH=H";
    String req = "LOW=L,MEDIUM=M,HIGH=H,NOT_DEFINED=X";
    prop("attackVector", "AV", "NETWORK=N,ADJACENT_NETWORK=A,LOCAL=L,PHYSICAL=P");
    prop("attackComplexity", "AC", "LOW=L,HIGH=H");
    prop("privilegesRequired", "PR", "NONE=N,LOW=L,HIGH=H");
    prop("userInteraction", "UI", "NONE=N,REQUIRED=R");
    prop("scope", "S", "UNCHANGED=U,CHANGED=C");
    prop("confidentialityImpact", "C", impact);
    prop("integrityImpact", "I", impact);
    prop("availabilityImpact", "A", impact);
    prop(
        "exploitCodeMaturity",
        "E",
        "UNPROVEN=U,PROOF_OF_CONCEPT=P,FUNCTIONAL=F,HIGH=H,NOT_DEFINED=X");
    prop(
        "remediationLevel",
        "RL",
        "OFFICIAL_FIX=O,TEMPORARY_FIX=T,WORKAROUND=W,UNAVAILABLE=U,NOT_DEFINED=X");
    prop("reportConfidence", "RC", "UNKNOWN=U,REASONABLE=R,CONFIRMED=C,NOT_DEFINED=X");
    prop("confidentialityRequirement", "CR", req);
    prop("integrityRequirement", "IR", req);
    prop("availabilityRequirement", "AR", req);
    prop(
        "modifiedAttackVector",
        "MAV",
        "NETWORK=N,ADJACENT_NETWORK=A,LOCAL=L,PHYSICAL=P,NOT_DEFINED=X");
    prop("modifiedAttackComplexity", "MAC", "LOW=L,HIGH=H,NOT_DEFINED=X");
    prop("modifiedPrivilegesRequired", "MPR", "NONE=N,LOW=L,HIGH=H,NOT_DEFINED=X");
    prop("modifiedUserInteraction", "MUI", "NONE=N,REQUIRED=R,NOT_DEFINED=X");
    prop("modifiedScope", "MS", "UNCHANGED=U,CHANGED=C,NOT_DEFINED=X");
    prop("modifiedConfidentialityImpact", "MC", impact + ",NOT_DEFINED=X");
    prop("modifiedIntegrityImpact", "MI", impact + ",NOT_DEFINED=X");
    prop("modifiedAvailabilityImpact", "MA", impact + ",NOT_DEFINED=X");
  }

  private final boolean v30;
  private final Map<String, String> m = new HashMap<>();

  private Cvss3(String vector) {
    v30 = vector.startsWith("CVSS:3.0/");
    for (String part : vector.substring("CVSS:3.x/".length()).split("/")) {
      String[] kv = part.split(":");
      m.put(kv[0], kv[1]);
    }
  }

  /** The parsed vector, or null when it does not match the grammar or lacks a base metric. */
  static Cvss3 parse(String vector) {
    if (vector == null || !VECTOR.matcher(vector).matches()) {
      return null;
    }
    Cvss3 c = new Cvss3(vector);
    for (String base : new String[] {"AV", "AC", "PR", "UI", "S", "C", "I", "A"}) {
      if (!c.m.containsKey(base)) {
        return null;
      }
    }
    return c;
  }

  /** The metric's value in the vector; temporal and environmental metrics default to X. */
  String value(String metric) {
    return m.getOrDefault(metric, "X");
  }

  double baseScore() {
    double iss = 1 - (1 - cia(value("C"))) * (1 - cia(value("I"))) * (1 - cia(value("A")));
    boolean changed = value("S").equals("C");
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability =
        8.22 * av(value("AV")) * ac(value("AC")) * pr(value("PR"), changed) * ui(value("UI"));
    if (impact <= 0) {
      return 0;
    }
    return roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
  }

  double temporalScore() {
    return roundUp(baseScore() * e() * rl() * rc());
  }

  double environmentalScore() {
    String ms = modified("MS", "S");
    boolean changed = ms.equals("C");
    double miss =
        Math.min(
            1
                - (1 - req(value("CR")) * cia(modified("MC", "C")))
                    * (1 - req(value("IR")) * cia(modified("MI", "I")))
                    * (1 - req(value("AR")) * cia(modified("MA", "A"))),
            0.915);
    double impact;
    if (changed) {
      impact =
          v30
              ? 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15)
              : 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
    } else {
      impact = 6.42 * miss;
    }
    double exploitability =
        8.22
            * av(modified("MAV", "AV"))
            * ac(modified("MAC", "AC"))
            * pr(modified("MPR", "PR"), changed)
            * ui(modified("MUI", "UI"));
    if (impact <= 0) {
      return 0;
    }
    double inner = roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
    return roundUp(inner * e() * rl() * rc());
  }

  static String severity(double score) {
    if (score == 0) {
      return "NONE";
    }
    if (score < 4) {
      return "LOW";
    }
    if (score < 7) {
      return "MEDIUM";
    }
    return score < 9 ? "HIGH" : "CRITICAL";
  }

  private String modified(String metric, String base) {
    String v = value(metric);
    return v.equals("X") ? value(base) : v;
  }

  private double roundUp(double x) {
    if (v30) {
      return Math.ceil(x * 10) / 10;
    }
    long i = Math.round(x * 100000);
    if (i % 10000 == 0) {
      return i / 100000.0;
    }
    return (Math.floor(i / 10000.0) + 1) / 10.0;
  }

  private static double cia(String v) {
    return v.equals("H") ? 0.56 : v.equals("L") ? 0.22 : 0;
  }

  private static double av(String v) {
    switch (v) {
      case "N":
        return 0.85;
      case "A":
        return 0.62;
      case "L":
        return 0.55;
      default:
        return 0.2;
    }
  }

  private static double ac(String v) {
    return v.equals("L") ? 0.77 : 0.44;
  }

  private static double pr(String v, boolean changed) {
    if (v.equals("N")) {
      return 0.85;
    }
    if (v.equals("L")) {
      return changed ? 0.68 : 0.62;
    }
    return changed ? 0.5 : 0.27;
  }

  private static double ui(String v) {
    return v.equals("N") ? 0.85 : 0.62;
  }

  private static double req(String v) {
    return v.equals("H") ? 1.5 : v.equals("L") ? 0.5 : 1;
  }

  private double e() {
    switch (value("E")) {
      case "F":
        return 0.97;
      case "P":
        return 0.94;
      case "U":
        return 0.91;
      default:
        return 1;
    }
  }

  private double rl() {
    switch (value("RL")) {
      case "W":
        return 0.97;
      case "T":
        return 0.96;
      case "O":
        return 0.95;
      default:
        return 1;
    }
  }

  private double rc() {
    switch (value("RC")) {
      case "R":
        return 0.96;
      case "U":
        return 0.92;
      default:
        return 1;
    }
  }

  /** Scores as CSAF writes them: one decimal. */
  static boolean same(double computed, double given) {
    return BigDecimal.valueOf(computed)
            .setScale(1, RoundingMode.HALF_UP)
            .compareTo(BigDecimal.valueOf(given).setScale(1, RoundingMode.HALF_UP))
        == 0;
  }

  private static void prop(String name, String metric, String values) {
    PROPERTIES.put(name, new String[] {metric, values});
  }
}
