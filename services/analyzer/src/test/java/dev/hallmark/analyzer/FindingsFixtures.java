package dev.hallmark.analyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents for the findings tests: small CycloneDX SBOMs naming packages by purl, and CSAF VEX
 * statements by one supplier about one purl (made up, shaped like the CSAF 2.0 VEX examples), to
 * pair with the real advisories under {@code findings/}.
 */
final class FindingsFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String CC_125 = "pkg:maven/org.apache.commons/commons-compress@1.25.0?type=jar";
  static final String CC_126 = "pkg:maven/org.apache.commons/commons-compress@1.26.0?type=jar";
  static final String AIOHTTP_384 = "pkg:pypi/aiohttp@3.8.4";
  static final String HYPER_01411 = "pkg:cargo/hyper@0.14.11";

  private FindingsFixtures() {}

  /** An analyzer with a real clock (ingest times differ, as in production). */
  static Analyzer analyzer(HikariDataSource db) {
    return new Analyzer(
        db,
        new SbomReader(SbomLimits.defaults()),
        AdvisoryReader.withDefaultLimits(),
        Clock.systemUTC(),
        new SecureRandom());
  }

  /** A CycloneDX 1.5 SBOM whose components are these purls (name = the purl's name). */
  static byte[] sbom(String name, String... purls) {
    ObjectNode bom = JSON.createObjectNode();
    bom.put("bomFormat", "CycloneDX");
    bom.put("specVersion", "1.5");
    bom.put("serialNumber", "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(name.getBytes()));
    bom.put("version", 1);
    bom.putObject("metadata").putObject("component").put("name", name).put("type", "application");
    ArrayNode components = bom.putArray("components");
    int i = 0;
    for (String purl : purls) {
      String simple = purl.replaceAll("^pkg:[^/]+/(?:.*/)?([^@/]+)@.*$", "$1");
      String version = purl.replaceAll("^[^@]*@([^?#]+).*$", "$1");
      components
          .addObject()
          .put("type", "library")
          .put("bom-ref", "c" + i++)
          .put("name", simple)
          .put("version", version)
          .put("purl", purl);
    }
    return bom.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A supplier's CSAF VEX document {@code id}, revision {@code version} of {@code revised}, saying
   * {@code status} ({@code known_not_affected} with the flag {@code vulnerable_code_not_present},
   * or {@code known_affected} with a vendor fix) about {@code purl} for {@code cve}, with a CVSS
   * 3.1 score of 5.5 (medium).
   */
  static byte[] vex(
      String id, int version, String revised, String status, String purl, String cve) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode doc = root.putObject("document");
    doc.put("category", "csaf_vex");
    doc.put("csaf_version", "2.0");
    doc.putObject("publisher")
        .put("category", "vendor")
        .put("name", "Example Supplier")
        .put("namespace", "https://supplier.example.com");
    doc.put("title", "Example VEX " + id + " for " + cve);
    ObjectNode tracking = doc.putObject("tracking");
    tracking.put("current_release_date", revised);
    tracking.put("id", id);
    tracking.put("initial_release_date", "2024-01-01T00:00:00Z");
    ArrayNode history = tracking.putArray("revision_history");
    for (int n = 1; n <= version; n++) {
      history
          .addObject()
          .put("date", n == version ? revised : "2024-01-01T00:00:00Z")
          .put("number", Integer.toString(n))
          .put("summary", n == 1 ? "Initial version." : "Revised.");
    }
    tracking.put("status", "final");
    tracking.put("version", Integer.toString(version));
    ObjectNode product =
        root.putObject("product_tree")
            .putArray("branches")
            .addObject()
            .put("category", "vendor")
            .put("name", "Example Supplier")
            .putArray("branches")
            .addObject()
            .put("category", "product_version")
            .put("name", purl)
            .putObject("product");
    product.put("name", "the component " + purl);
    product.put("product_id", "P1");
    product.putObject("product_identification_helper").put("purl", purl);
    ObjectNode v = root.putArray("vulnerabilities").addObject();
    v.put("cve", cve);
    v.putArray("notes")
        .addObject()
        .put("category", "description")
        .put("text", "The supplier's assessment of " + cve + ".")
        .put("title", "Assessment");
    v.putObject("product_status").putArray(status).add("P1");
    ObjectNode score = v.putArray("scores").addObject();
    score
        .putObject("cvss_v3")
        .put("version", "3.1")
        .put("vectorString", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H")
        .put("baseScore", 5.5)
        .put("baseSeverity", "MEDIUM");
    score.putArray("products").add("P1");
    if (status.equals("known_not_affected")) {
      ObjectNode flag = v.putArray("flags").addObject();
      flag.put("label", "vulnerable_code_not_present");
      flag.putArray("product_ids").add("P1");
    } else {
      ObjectNode fix = v.putArray("remediations").addObject();
      fix.put("category", "vendor_fix");
      fix.put("details", "Upgrade.");
      fix.putArray("product_ids").add("P1");
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every stored finding as "sbom-name node-purl vulnerability status", via plain SQL. */
  static Map<String, String> allFindings(HikariDataSource db) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT d.name, p.name AS pkg, p.version, f.vulnerability, f.status"
                    + " FROM sbom_finding f JOIN analyzer_document d ON d.id = f.sbom"
                    + " JOIN sbom_package p ON p.sbom = f.sbom AND p.node = f.node")) {
      while (rs.next()) {
        out.put(
            rs.getString(1) + " " + rs.getString(2) + "@" + rs.getString(3) + " " + rs.getString(4),
            rs.getString(5));
      }
    }
    return out;
  }

  static long count(HikariDataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
