package dev.hallmark.analyzer.internal;

import dev.hallmark.analyzer.BadQueryException;
import dev.hallmark.analyzer.ListQuery;
import dev.hallmark.analyzer.Page;
import dev.hallmark.analyzer.SbomFinding;
import dev.hallmark.analyzer.VulnerabilityReport;
import dev.hallmark.analyzer.internal.QueryLanguage.Field;
import dev.hallmark.analyzer.internal.QueryLanguage.Type;
import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CsafVulnerability;
import dev.hallmark.core.advisory.CveRecord;
import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.advisory.Score;
import dev.hallmark.core.findings.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Reads stored findings: of an SBOM (a page), and of a vulnerability (SBOMs, a page). */
public final class FindingReads {
  /** Queryable and sortable fields of an SBOM's findings. */
  public static final Map<String, Field> FIELDS =
      Map.of(
          "vulnerability", new Field("vulnerability", Type.TEXT),
          "alias", new Field("array_to_string(aliases, ' ')", Type.TEXT),
          "status", new Field("status", Type.TEXT),
          "severity", new Field("severity", Type.TEXT),
          "score", new Field("score", Type.NUMBER),
          "name", new Field("name", Type.TEXT),
          "purl", new Field("purl", Type.TEXT),
          "cpe", new Field("cpe", Type.TEXT),
          "advisory", new Field("advisory_id", Type.TEXT),
          "node", new Field("node", Type.NUMBER));

  private static final QueryLanguage FINDINGS =
      new QueryLanguage(
          FIELDS,
          List.of("vulnerability", "array_to_string(aliases, ' ')", "name", "purl"),
          null,
          "node, vulnerability",
          "node, vulnerability");

  private static final String SELECT =
      "SELECT f.sbom, f.node, f.vulnerability, f.aliases, f.status, f.justification, f.severity,"
          + " f.score, f.advisory, f.evidence::text AS evidence, f.overridden::text AS overridden,"
          + " p.name, d.document_id AS advisory_id,"
          + " (SELECT min(u.purl) FROM sbom_package_purl pp JOIN analyzer_purl u ON u.id = pp.purl"
          + " WHERE pp.sbom = f.sbom AND pp.node = f.node) AS purl,"
          + " (SELECT min(x.cpe) FROM sbom_package_cpe pc JOIN analyzer_cpe x ON x.id = pc.cpe"
          + " WHERE pc.sbom = f.sbom AND pc.node = f.node) AS cpe"
          + " FROM sbom_finding f JOIN sbom_package p ON p.sbom = f.sbom AND p.node = f.node"
          + " LEFT JOIN analyzer_document d ON d.id = f.advisory";

  private FindingReads() {}

  public static Page<SbomFinding> ofSbom(Connection c, UUID sbom, ListQuery query)
      throws BadQueryException, SQLException {
    return Pages.run(
        c,
        SELECT + " WHERE f.sbom = ?",
        List.of(sbom),
        FINDINGS.compile(query),
        query,
        FindingReads::finding);
  }

  private static SbomFinding finding(ResultSet rs) throws SQLException {
    Number score = (Number) rs.getObject("score");
    return new SbomFinding(
        DocumentKey.format(rs.getObject("sbom", UUID.class)),
        rs.getInt("node"),
        rs.getString("name"),
        rs.getString("purl"),
        rs.getString("cpe"),
        rs.getString("vulnerability"),
        strings(rs, "aliases"),
        rs.getString("status"),
        rs.getString("justification"),
        rs.getString("severity"),
        score == null ? null : score.doubleValue(),
        DocumentKey.format(rs.getObject("advisory", UUID.class)),
        EvidenceJson.one(rs.getString("evidence")),
        EvidenceJson.list(rs.getString("overridden")));
  }

  /** The vulnerability with this id or alias, or empty when nothing stored knows it. */
  public static Optional<VulnerabilityReport> vulnerability(
      Connection c, AdvisoryCache cache, String id, Set<String> statuses, long offset, long limit)
      throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(id);
    String title = null;
    List<UUID> advisories = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT v.advisory, v.vulnerability, v.title, v.aliases FROM advisory_vulnerability v"
                + " WHERE v.vulnerability = ? OR v.aliases @> ARRAY[?]::text[]"
                + " ORDER BY v.advisory")) {
      ps.setString(1, id);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!advisories.contains(rs.getObject(1, UUID.class))) {
            advisories.add(rs.getObject(1, UUID.class));
          }
          ids.add(rs.getString(2));
          ids.addAll(strings(rs, "aliases"));
          if (title == null) {
            title = rs.getString(3);
          }
        }
      }
    }
    // findings may name it by an id the advisory rows do not (CSAF without CVE: the tracking id)
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT vulnerability, aliases FROM sbom_finding"
                + " WHERE vulnerability = ? OR aliases @> ARRAY[?]::text[] LIMIT 1")) {
      ps.setString(1, id);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
          ids.addAll(strings(rs, "aliases"));
        }
      }
    }
    if (advisories.isEmpty() && ids.size() == 1) {
      return Optional.empty();
    }
    String main = ids.stream().filter(i -> i.startsWith("CVE-")).findFirst().orElse(id);
    List<String> aliases = new ArrayList<>(new TreeSet<>(ids));
    aliases.remove(main);
    List<VulnerabilityReport.AdvisoryHead> heads = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.id, d.document_id, d.name, "
                + Correlation.notSuperseded("d")
                + " AS current FROM analyzer_document d WHERE d.id = ANY (?) ORDER BY d.ingested,"
                + " d.id")) {
      ps.setArray(1, c.createArrayOf("uuid", advisories.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          heads.add(
              new VulnerabilityReport.AdvisoryHead(
                  DocumentKey.format(rs.getObject(1, UUID.class)),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBoolean(4)));
        }
      }
    }
    List<Score> scores = new ArrayList<>();
    for (Advisory a : cache.get(c, advisories).values()) {
      scores.addAll(scoresOf(a, ids));
    }
    Optional<Severity> severity = Severity.of(scores);
    return Optional.of(
        new VulnerabilityReport(
            main,
            aliases,
            title,
            severity.map(Severity::word).orElse(null),
            severity.map(Severity::score).orElse(null),
            heads,
            sboms(c, ids, statuses, offset, limit)));
  }

  private static Page<VulnerabilityReport.AffectedSbom> sboms(
      Connection c, Set<String> ids, Set<String> statuses, long offset, long limit)
      throws SQLException {
    String where =
        "(f.vulnerability = ANY (?) OR f.aliases && ?)"
            + (statuses.isEmpty() ? "" : " AND f.status = ANY (?)");
    List<UUID> page = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT f.sbom FROM sbom_finding f WHERE "
                + where
                + " ORDER BY f.sbom OFFSET ?"
                + (limit > 0 ? " LIMIT ?" : ""))) {
      int i = bind(c, ps, ids, statuses);
      ps.setLong(i++, offset);
      if (limit > 0) {
        ps.setLong(i, limit);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(rs.getObject(1, UUID.class));
        }
      }
    }
    long total;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT count(DISTINCT f.sbom) FROM sbom_finding f WHERE " + where)) {
      bind(c, ps, ids, statuses);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    Map<UUID, List<SbomFinding>> findings = new LinkedHashMap<>();
    page.forEach(s -> findings.put(s, new ArrayList<>()));
    Map<UUID, String> names = new HashMap<>();
    if (!page.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              SELECT
                  + " WHERE f.sbom = ANY (?) AND "
                  + where
                  + " ORDER BY f.sbom, f.node, f.vulnerability")) {
        ps.setArray(1, c.createArrayOf("uuid", page.toArray()));
        ps.setArray(2, c.createArrayOf("text", ids.toArray()));
        ps.setArray(3, c.createArrayOf("text", ids.toArray()));
        if (!statuses.isEmpty()) {
          ps.setArray(4, c.createArrayOf("text", statuses.toArray()));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            findings.get(rs.getObject("sbom", UUID.class)).add(finding(rs));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT id, name FROM analyzer_document WHERE id = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("uuid", page.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            names.put(rs.getObject(1, UUID.class), rs.getString(2));
          }
        }
      }
    }
    List<VulnerabilityReport.AffectedSbom> items = new ArrayList<>();
    findings.forEach(
        (s, list) ->
            items.add(
                new VulnerabilityReport.AffectedSbom(DocumentKey.format(s), names.get(s), list)));
    return new Page<>(items, Math.max(total, items.size()));
  }

  private static int bind(Connection c, PreparedStatement ps, Set<String> ids, Set<String> statuses)
      throws SQLException {
    ps.setArray(1, c.createArrayOf("text", ids.toArray()));
    ps.setArray(2, c.createArrayOf("text", ids.toArray()));
    if (statuses.isEmpty()) {
      return 3;
    }
    ps.setArray(3, c.createArrayOf("text", statuses.toArray()));
    return 4;
  }

  /** The scores an advisory gives for a vulnerability known by any of {@code ids}. */
  private static List<Score> scoresOf(Advisory a, Set<String> ids) {
    List<Score> out = new ArrayList<>();
    if (a instanceof CsafAdvisory csaf) {
      for (CsafVulnerability v : csaf.vulnerabilities()) {
        if ((v.cve() != null && ids.contains(v.cve()))
            || v.ids().stream().anyMatch(ids::contains)) {
          out.addAll(v.scores());
        }
      }
    } else if (a instanceof OsvAdvisory osv) {
      out.addAll(osv.severity());
      osv.affected().forEach(x -> out.addAll(x.severity()));
    } else if (a instanceof CveRecord cve) {
      out.addAll(cve.metrics());
    }
    return out;
  }

  /** Declared id and name of stored advisories. */
  public static Map<UUID, String[]> heads(Connection c, Collection<UUID> ids) throws SQLException {
    Map<UUID, String[]> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, document_id, name FROM analyzer_document WHERE id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return out;
  }

  /** A title per vulnerability id, from the advisories that name it. */
  public static Map<String, String> titles(Connection c, Collection<String> ids)
      throws SQLException {
    Map<String, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT vulnerability, max(title) FROM advisory_vulnerability"
                + " WHERE vulnerability = ANY (?) GROUP BY vulnerability")) {
      ps.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
