package dev.hallmark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Synthetic OSV advisories about packages of the stored corpus: each names one package (by
 * ecosystem and name and by purl) affected below {@code 5.0.0} in its ecosystem's scheme, with a
 * CVE alias and a CVSS v3.1 score. Targets are drawn from the corpus itself: the package names with
 * the most distinct stored versions (the corpus's "popular" packages, present in many SBOMs) and a
 * long tail of random ones.
 */
final class ScaleAdvisories {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** purl type → OSV ecosystem, for the types the corpus has and OSV names. */
  private static final Map<String, String> ECOSYSTEMS =
      Map.of(
          "maven", "Maven",
          "npm", "npm",
          "pypi", "PyPI",
          "golang", "Go",
          "cargo", "crates.io",
          "gem", "RubyGems",
          "nuget", "NuGet",
          "deb", "Debian:12");

  /** A package an advisory is about: purl type, namespace (or null) and name. */
  record Target(String type, String namespace, String name) {
    String purl() {
      return "pkg:"
          + type
          + "/"
          + (namespace == null ? "" : namespace.replace("@", "%40") + "/")
          + name;
    }

    String osvName() {
      switch (type) {
        case "maven":
          return namespace + ":" + name;
        case "npm":
          return namespace == null ? name : namespace + "/" + name;
        case "golang":
          return namespace + "/" + name;
        default:
          return name;
      }
    }
  }

  private ScaleAdvisories() {}

  /** {@code popular} most-versioned package names and {@code tail} random ones, distinct. */
  static List<Target> targets(DataSource ds, int popular, int tail, long seed) throws Exception {
    Set<Target> targets = new LinkedHashSet<>();
    String types = "('maven','npm','pypi','golang','cargo','gem','nuget','deb')";
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT type, namespace, name FROM analyzer_purl WHERE type IN "
                  + types
                  + " GROUP BY type, namespace, name ORDER BY count(*) DESC, name LIMIT ?")) {
        ps.setInt(1, popular);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            targets.add(new Target(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT type, namespace, name FROM analyzer_purl TABLESAMPLE BERNOULLI (1)"
                  + " REPEATABLE (?) WHERE type IN "
                  + types
                  + " LIMIT ?")) {
        ps.setLong(1, seed);
        ps.setInt(2, tail * 2);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && targets.size() < popular + tail) {
            targets.add(new Target(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
      }
    }
    return new ArrayList<>(targets);
  }

  /** The OSV record {@code HMBENCH-<n>} (alias {@code CVE-2099-<n>}) about {@code target}. */
  static byte[] osv(int n, Target target, Random random) throws Exception {
    ObjectNode o = JSON.createObjectNode();
    o.put("schema_version", "1.6.0");
    o.put("id", String.format("HMBENCH-%05d", n));
    o.put("modified", "2026-11-01T00:00:00Z");
    o.put("published", "2026-10-01T00:00:00Z");
    o.putArray("aliases").add(String.format("CVE-2099-%05d", n));
    o.put("summary", "synthetic vulnerability " + n + " in " + target.osvName());
    o.putArray("severity")
        .addObject()
        .put("type", "CVSS_V3")
        .put(
            "score",
            random.nextBoolean()
                ? "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
                : "CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N");
    ObjectNode affected = o.putArray("affected").addObject();
    ObjectNode pkg = affected.putObject("package");
    pkg.put("ecosystem", ECOSYSTEMS.get(target.type()));
    pkg.put("name", target.osvName());
    pkg.put("purl", target.purl());
    ArrayNode events =
        affected
            .putArray("ranges")
            .addObject()
            .put("type", target.type().equals("golang") ? "SEMVER" : "ECOSYSTEM")
            .putArray("events");
    events.addObject().put("introduced", "0");
    events.addObject().put("fixed", target.type().equals("deb") ? "5.0.0-1" : "5.0.0");
    return JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
  }
}
