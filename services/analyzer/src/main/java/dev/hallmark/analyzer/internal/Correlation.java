package dev.hallmark.analyzer.internal;

import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.findings.Component;
import dev.hallmark.core.findings.Correlator;
import dev.hallmark.core.findings.Finding;
import dev.hallmark.core.findings.MatchKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Recomputes the findings of some packages in the caller's transaction: under the SBOMs' advisory
 * locks, reads the packages, every current advisory sharing a match key with one of them, runs the
 * {@link Correlator} and replaces those packages' finding rows. Packages of other SBOMs, and other
 * packages of the same SBOM, are not read.
 */
public final class Correlation {
  private final Correlator correlator;
  private final AdvisoryCache cache;

  public Correlation(Correlator correlator, AdvisoryCache cache) {
    this.correlator = correlator;
    this.cache = cache;
  }

  /** A package as the correlator sees it: its first purl and first CPE (in canonical order). */
  public record Pkg(UUID sbom, int node, Component component) {}

  /**
   * Recomputes, for each SBOM, the packages having one of its keys ({@link FindingsQueue#WHOLE}:
   * every package). Answers the number of packages recomputed per SBOM.
   */
  public Map<UUID, Integer> run(Connection c, Map<UUID, Set<String>> targets) throws SQLException {
    FindingsQueue.lockSboms(c, targets.keySet());
    List<UUID> whole = new ArrayList<>();
    Map<UUID, Set<String>> partial = new TreeMap<>();
    targets.forEach(
        (sbom, keys) -> {
          if (keys.contains(FindingsQueue.WHOLE)) {
            whole.add(sbom);
          } else {
            partial.put(sbom, keys);
          }
        });
    List<Pkg> packages = new ArrayList<>(packagesOf(c, whole));
    List<UUID> nodeSboms = new ArrayList<>();
    List<Integer> nodes = new ArrayList<>();
    nodesWithKeys(c, partial, nodeSboms, nodes);
    packages.addAll(packages(c, nodeSboms, nodes));

    Set<String> keys = new TreeSet<>();
    for (Pkg p : packages) {
      keys.addAll(MatchKeys.of(p.component()));
    }
    Map<UUID, Advisory> advisories = current(c, keys);
    Map<String, UUID> documentOf = new HashMap<>();
    advisories.forEach((id, a) -> documentOf.put(a.id(), id));
    Map<Component, Pkg> byComponent = new IdentityHashMap<>();
    List<Component> components = new ArrayList<>();
    for (Pkg p : packages) {
      byComponent.put(p.component(), p);
      components.add(p.component());
    }
    List<Finding> findings =
        advisories.isEmpty()
            ? List.of()
            : correlator.correlate(components, advisories.values()).findings();

    delete(c, whole, nodeSboms, nodes);
    insert(c, findings, byComponent, documentOf);
    Map<UUID, Integer> counts = new TreeMap<>();
    targets.keySet().forEach(s -> counts.put(s, 0));
    packages.forEach(p -> counts.merge(p.sbom(), 1, Integer::sum));
    return counts;
  }

  /** The current (not superseded) advisories with a product under one of {@code keys}. */
  public Map<UUID, Advisory> current(Connection c, Collection<String> keys) throws SQLException {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT k.advisory FROM advisory_key k JOIN analyzer_document d"
                + " ON d.id = k.advisory WHERE k.key = ANY (?) AND "
                + notSuperseded("d"))) {
      ps.setArray(1, c.createArrayOf("text", keys.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    ids.sort(null);
    return cache.get(c, ids);
  }

  /**
   * SQL: the advisory {@code d} has no newer version — no other stored advisory with the same
   * declared id and a later (revised, ingested, id).
   */
  public static String notSuperseded(String d) {
    return "NOT EXISTS (SELECT 1 FROM analyzer_document n WHERE n.kind = 'advisory'"
        + " AND n.document_id = "
        + d
        + ".document_id AND n.id <> "
        + d
        + ".id AND (COALESCE(n.revised, '-infinity'), n.ingested, n.id) > (COALESCE("
        + d
        + ".revised, '-infinity'), "
        + d
        + ".ingested, "
        + d
        + ".id))";
  }

  private static final String PACKAGE_COLUMNS =
      "SELECT p.sbom, p.node, p.ref, p.name,"
          + " (SELECT min(u.purl) FROM sbom_package_purl pp JOIN analyzer_purl u ON u.id = pp.purl"
          + " WHERE pp.sbom = p.sbom AND pp.node = p.node) AS purl,"
          + " (SELECT min(x.cpe) FROM sbom_package_cpe pc JOIN analyzer_cpe x ON x.id = pc.cpe"
          + " WHERE pc.sbom = p.sbom AND pc.node = p.node) AS cpe,"
          + " ARRAY(SELECT h.digest FROM sbom_package_hash h WHERE h.sbom = p.sbom AND h.node ="
          + " p.node ORDER BY h.digest) AS digests"
          + " FROM sbom_package p";

  private static List<Pkg> packagesOf(Connection c, List<UUID> sboms) throws SQLException {
    if (sboms.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(PACKAGE_COLUMNS + " WHERE p.sbom = ANY (?) ORDER BY p.sbom, p.node")) {
      ps.setArray(1, c.createArrayOf("uuid", sboms.toArray()));
      return read(ps);
    }
  }

  private static List<Pkg> packages(Connection c, List<UUID> sboms, List<Integer> nodes)
      throws SQLException {
    if (sboms.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            PACKAGE_COLUMNS
                + " JOIN unnest(?::uuid[], ?::int[]) AS t (sbom, node)"
                + " ON p.sbom = t.sbom AND p.node = t.node ORDER BY p.sbom, p.node")) {
      ps.setArray(1, c.createArrayOf("uuid", sboms.toArray()));
      ps.setArray(2, c.createArrayOf("int4", nodes.toArray()));
      return read(ps);
    }
  }

  private static List<Pkg> read(PreparedStatement ps) throws SQLException {
    List<Pkg> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String purl = rs.getString("purl");
        String cpe = rs.getString("cpe");
        List<String> digests = List.of((String[]) rs.getArray("digests").getArray());
        if (purl == null && cpe == null && digests.isEmpty()) {
          continue; // nothing to match by
        }
        int node = rs.getInt("node");
        String ref = rs.getString("ref");
        out.add(
            new Pkg(
                rs.getObject("sbom", UUID.class),
                node,
                new Component(
                    ref == null ? "node " + node : ref, purl, cpe, rs.getString("name"), digests)));
      }
    }
    return out;
  }

  /** The (sbom, node) pairs of packages of each SBOM having one of its keys. */
  private static void nodesWithKeys(
      Connection c, Map<UUID, Set<String>> partial, List<UUID> sboms, List<Integer> nodes)
      throws SQLException {
    List<UUID> purlSboms = new ArrayList<>();
    List<String> bases = new ArrayList<>();
    List<UUID> cpeSboms = new ArrayList<>();
    List<String> vendors = new ArrayList<>();
    List<String> products = new ArrayList<>();
    List<UUID> anyCpe = new ArrayList<>();
    List<UUID> digestSboms = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    partial.forEach(
        (sbom, keys) -> {
          for (String k : keys) {
            if (k.startsWith("purl:")) {
              purlSboms.add(sbom);
              bases.add(k.substring("purl:".length()));
            } else if (k.startsWith("hash:")) {
              digestSboms.add(sbom);
              digests.add(k.substring("hash:".length()));
            } else if (k.equals(MatchKeys.ANY_CPE)) {
              anyCpe.add(sbom);
            } else if (k.startsWith("cpe:")) {
              String[] vp = FindingsQueue.vendorProduct(k);
              cpeSboms.add(sbom);
              vendors.add(vp[0]);
              products.add(vp[1]);
            }
          }
        });
    Set<String> seen = new java.util.HashSet<>();
    if (!purlSboms.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT pp.sbom, pp.node FROM unnest(?::uuid[], ?::text[]) AS t (sbom, base)"
                  + " JOIN analyzer_purl u ON u.base = t.base"
                  + " JOIN sbom_package_purl pp ON pp.purl = u.id AND pp.sbom = t.sbom")) {
        ps.setArray(1, c.createArrayOf("uuid", purlSboms.toArray()));
        ps.setArray(2, c.createArrayOf("text", bases.toArray()));
        pairs(ps, seen, sboms, nodes);
      }
    }
    if (!cpeSboms.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT pc.sbom, pc.node"
                  + " FROM unnest(?::uuid[], ?::text[], ?::text[]) AS t (sbom, vendor, product)"
                  + " JOIN analyzer_cpe x ON x.vendor = t.vendor AND x.product = t.product"
                  + " JOIN sbom_package_cpe pc ON pc.cpe = x.id AND pc.sbom = t.sbom")) {
        ps.setArray(1, c.createArrayOf("uuid", cpeSboms.toArray()));
        ps.setArray(2, c.createArrayOf("text", vendors.toArray()));
        ps.setArray(3, c.createArrayOf("text", products.toArray()));
        pairs(ps, seen, sboms, nodes);
      }
    }
    if (!digestSboms.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT h.sbom, h.node FROM unnest(?::uuid[], ?::text[]) AS t (sbom, digest)"
                  + " JOIN sbom_package_hash h ON h.digest = t.digest AND h.sbom = t.sbom")) {
        ps.setArray(1, c.createArrayOf("uuid", digestSboms.toArray()));
        ps.setArray(2, c.createArrayOf("text", digests.toArray()));
        pairs(ps, seen, sboms, nodes);
      }
    }
    if (!anyCpe.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT sbom, node FROM sbom_package_cpe WHERE sbom = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("uuid", anyCpe.toArray()));
        pairs(ps, seen, sboms, nodes);
      }
    }
  }

  private static void pairs(
      PreparedStatement ps, Set<String> seen, List<UUID> sboms, List<Integer> nodes)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        UUID sbom = rs.getObject(1, UUID.class);
        int node = rs.getInt(2);
        if (seen.add(sbom + "/" + node)) {
          sboms.add(sbom);
          nodes.add(node);
        }
      }
    }
  }

  private static void delete(
      Connection c, List<UUID> whole, List<UUID> nodeSboms, List<Integer> nodes)
      throws SQLException {
    if (!whole.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM sbom_finding WHERE sbom = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("uuid", whole.toArray()));
        ps.executeUpdate();
      }
    }
    if (!nodeSboms.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM sbom_finding f USING unnest(?::uuid[], ?::int[]) AS t (sbom, node)"
                  + " WHERE f.sbom = t.sbom AND f.node = t.node")) {
        ps.setArray(1, c.createArrayOf("uuid", nodeSboms.toArray()));
        ps.setArray(2, c.createArrayOf("int4", nodes.toArray()));
        ps.executeUpdate();
      }
    }
  }

  private static void insert(
      Connection c,
      List<Finding> findings,
      Map<Component, Pkg> byComponent,
      Map<String, UUID> documentOf)
      throws SQLException {
    if (findings.isEmpty()) {
      return;
    }
    // one row per (sbom, node, vulnerability); the correlator already makes them unique
    Map<String, Finding> unique = new LinkedHashMap<>();
    for (Finding f : findings) {
      Pkg p = byComponent.get(f.component());
      unique.putIfAbsent(p.sbom() + "/" + p.node() + "/" + f.vulnerability(), f);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sbom_finding (sbom, node, vulnerability, status, justification,"
                + " severity, score, aliases, advisory, evidence, overridden)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
      for (Finding f : unique.values()) {
        Pkg p = byComponent.get(f.component());
        ps.setObject(1, p.sbom());
        ps.setInt(2, p.node());
        ps.setString(3, f.vulnerability());
        ps.setString(4, f.status().jsonName());
        ps.setString(5, f.justification());
        ps.setString(6, f.severity());
        if (f.baseScore() == null) {
          ps.setNull(7, Types.DOUBLE);
        } else {
          ps.setDouble(7, f.baseScore());
        }
        ps.setArray(8, c.createArrayOf("text", f.aliases().toArray()));
        ps.setObject(9, documentOf.get(f.evidence().advisory()));
        ps.setString(10, EvidenceJson.write(f.evidence()));
        ps.setString(11, EvidenceJson.write(f.overridden()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
