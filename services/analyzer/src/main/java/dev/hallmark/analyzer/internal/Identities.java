package dev.hallmark.analyzer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.PackageUrl;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds or creates the shared purl and CPE rows of one ingest transaction. Rows are inserted in
 * sorted order ({@code ON CONFLICT DO NOTHING}) so two concurrent ingests of overlapping documents
 * wait for each other instead of deadlocking; ids are remembered for the rest of the document.
 */
public final class Identities {
  private final Connection connection;
  private final ObjectMapper mapper;
  private final Map<String, Long> purlIds = new HashMap<>();
  private final Map<String, Long> cpeIds = new HashMap<>();

  public Identities(Connection connection, ObjectMapper mapper) {
    this.connection = connection;
    this.mapper = mapper;
  }

  /** The ids of these purls (keyed by canonical string), creating the missing rows. */
  public Map<String, Long> purls(Collection<PackageUrl> purls) throws SQLException {
    TreeMap<String, PackageUrl> missing = new TreeMap<>();
    for (PackageUrl p : purls) {
      String s = p.toString();
      if (!purlIds.containsKey(s)) {
        missing.put(s, p);
      }
    }
    if (!missing.isEmpty()) {
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO analyzer_purl"
                  + " (purl, type, namespace, name, version, qualifiers, base, versioned)"
                  + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (purl) DO NOTHING")) {
        for (Map.Entry<String, PackageUrl> e : missing.entrySet()) {
          PackageUrl p = e.getValue();
          ps.setString(1, e.getKey());
          ps.setString(2, p.type());
          ps.setString(3, p.namespace());
          ps.setString(4, p.name());
          ps.setString(5, p.version());
          ps.setString(6, json(p.qualifiers()));
          ps.setString(7, p.base().toString());
          ps.setString(8, versioned(p));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      select("SELECT purl, id FROM analyzer_purl WHERE purl = ANY (?)", missing.keySet(), purlIds);
    }
    return lookup(purls.stream().map(PackageUrl::toString).toList(), purlIds);
  }

  /** The ids of these CPEs (keyed by 2.3 formatted string), creating the missing rows. */
  public Map<String, Long> cpes(Collection<Cpe> cpes) throws SQLException {
    TreeMap<String, Cpe> missing = new TreeMap<>();
    for (Cpe c : cpes) {
      String s = c.toFormattedString();
      if (!cpeIds.containsKey(s)) {
        missing.put(s, c);
      }
    }
    if (!missing.isEmpty()) {
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO analyzer_cpe (cpe, part, vendor, product, version)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (cpe) DO NOTHING")) {
        for (Map.Entry<String, Cpe> e : missing.entrySet()) {
          Cpe c = e.getValue();
          ps.setString(1, e.getKey());
          ps.setString(2, c.part());
          ps.setString(3, c.vendor());
          ps.setString(4, c.product());
          ps.setString(5, c.version());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      select("SELECT cpe, id FROM analyzer_cpe WHERE cpe = ANY (?)", missing.keySet(), cpeIds);
    }
    return lookup(cpes.stream().map(Cpe::toFormattedString).toList(), cpeIds);
  }

  /** The purl without qualifiers and subpath: {@code pkg:type/ns/name@version}. */
  public static String versioned(PackageUrl p) {
    return new PackageUrl(p.type(), p.namespace(), p.name(), p.version(), new TreeMap<>(), null)
        .toString();
  }

  private void select(String sql, Collection<String> keys, Map<String, Long> into)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      Array array = connection.createArrayOf("text", keys.toArray());
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          into.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
  }

  private static Map<String, Long> lookup(Collection<String> keys, Map<String, Long> ids)
      throws SQLException {
    Map<String, Long> out = new HashMap<>();
    for (String k : keys) {
      Long id = ids.get(k);
      if (id == null) {
        throw new SQLException("identity row for " + k + " was not found after insertion");
      }
      out.put(k, id);
    }
    return out;
  }

  private String json(Map<String, String> map) throws SQLException {
    try {
      return mapper.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot encode qualifiers", e);
    }
  }
}
