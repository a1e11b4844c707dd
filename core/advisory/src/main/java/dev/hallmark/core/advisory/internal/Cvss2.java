package dev.hallmark.core.advisory.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** CVSS v2 vectors: parsing, base and temporal scores (the v2 guide's equations). */
final class Cvss2 {
  static final Pattern VECTOR =
      Pattern.compile(
          "((AV:[LAN]|AC:[HML]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)"
              + "|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))/)*"
              + "(AV:[LAN]|AC:[HML]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)"
              + "|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))");

  static final Map<String, String[]> PROPERTIES = new HashMap<>();

  static {
    String impact = "NONE=N,PARTIAL=P,COMPLETE=C";
    PROPERTIES.put("accessVector", new String[] {"AV", "LOCAL=L,ADJACENT_NETWORK=A,NETWORK=N"});
    PROPERTIES.put("accessComplexity", new String[] {"AC", "HIGH=H,MEDIUM=M,LOW=L"});
    PROPERTIES.put("authentication", new String[] {"Au", "MULTIPLE=M,SINGLE=S,NONE=N"});
    PROPERTIES.put("confidentialityImpact", new String[] {"C", impact});
    PROPERTIES.put("integrityImpact", new String[] {"I", impact});
    PROPERTIES.put("availabilityImpact", new String[] {"A", impact});
    PROPERTIES.put(
        "exploitability",
        new String[] {"E", "UNPROVEN=U,PROOF_OF_CONCEPT=POC,FUNCTIONAL=F,HIGH=H,NOT_DEFINED=ND"});
    PROPERTIES.put(
        "remediationLevel",
        new String[] {
          "RL", "OFFICIAL_FIX=OF,TEMPORARY_FIX=TF,WORKAROUND=W,UNAVAILABLE=U,NOT_DEFINED=ND"
        });
    PROPERTIES.put(
        "reportConfidence",
        new String[] {"RC", "UNCONFIRMED=UC,UNCORROBORATED=UR,CONFIRMED=C,NOT_DEFINED=ND"});
  }

  private final Map<String, String> m = new HashMap<>();

  private Cvss2(String vector) {
    for (String part : vector.split("/")) {
      String[] kv = part.split(":");
      m.put(kv[0], kv[1]);
    }
  }

  static Cvss2 parse(String vector) {
    if (vector == null || !VECTOR.matcher(vector).matches()) {
      return null;
    }
    Cvss2 c = new Cvss2(vector);
    for (String base : new String[] {"AV", "AC", "Au", "C", "I", "A"}) {
      if (!c.m.containsKey(base)) {
        return null;
      }
    }
    return c;
  }

  String value(String metric) {
    return m.getOrDefault(metric, "ND");
  }

  double baseScore() {
    double impact =
        10.41 * (1 - (1 - cia(value("C"))) * (1 - cia(value("I"))) * (1 - cia(value("A"))));
    double av = value("AV").equals("L") ? 0.395 : value("AV").equals("A") ? 0.646 : 1.0;
    double ac = value("AC").equals("H") ? 0.35 : value("AC").equals("M") ? 0.61 : 0.71;
    double au = value("Au").equals("M") ? 0.45 : value("Au").equals("S") ? 0.56 : 0.704;
    double exploitability = 20 * av * ac * au;
    double f = impact == 0 ? 0 : 1.176;
    return round1(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f);
  }

  double temporalScore() {
    double e;
    switch (value("E")) {
      case "U":
        e = 0.85;
        break;
      case "POC":
        e = 0.9;
        break;
      case "F":
        e = 0.95;
        break;
      default:
        e = 1;
    }
    double rl;
    switch (value("RL")) {
      case "OF":
        rl = 0.87;
        break;
      case "TF":
        rl = 0.9;
        break;
      case "W":
        rl = 0.95;
        break;
      default:
        rl = 1;
    }
    double rc = value("RC").equals("UC") ? 0.9 : value("RC").equals("UR") ? 0.95 : 1;
    return round1(baseScore() * e * rl * rc);
  }

  private static double cia(String v) {
    return v.equals("C") ? 0.66 : v.equals("P") ? 0.275 : 0;
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }
}
