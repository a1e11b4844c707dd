package dev.hallmark.analyzer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The findings work queue ({@code finding_work}, migration V5) and the locks that keep findings
 * writers apart. Every method works in the caller's transaction: work is enqueued in the very
 * transaction of the ingest or delete that causes it, so a committed change always has its work
 * item and a rolled-back one never has.
 */
public final class FindingsQueue {
  /** The {@code sbom} of an item about every SBOM. */
  public static final UUID ALL = new UUID(0, 0);

  /** The {@code key} of an item about every package of its SBOM. */
  public static final String WHOLE = "";

  /** The item asking to index the keys of advisories stored before migration V5. */
  public static final String INDEX = "#index";

  /** First half of the two-int advisory lock of an SBOM's findings ('HMFD'). */
  private static final int LOCK_CLASS = 0x484d4644;

  private FindingsQueue() {}

  /** Asks for every package of {@code sbom} to be correlated. */
  public static void enqueueSbom(Connection c, UUID sbom) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO finding_work (sbom, key) VALUES (?, '')")) {
      ps.setObject(1, sbom);
      ps.executeUpdate();
    }
  }

  /**
   * Records {@code settings} as those stored findings are computed with and, when they differ from
   * the recorded ones ({@code defaults} when none are), queues every SBOM; in the caller's
   * transaction. Processes starting at once serialise on an advisory lock, so one change is
   * recorded once.
   *
   * @return whether the settings changed
   */
  public static boolean adoptSettings(Connection c, String settings, String defaults)
      throws SQLException {
    String recorded;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT pg_advisory_xact_lock(?), (SELECT value FROM analyzer_setting WHERE name ="
                + " 'correlation')")) {
      ps.setLong(1, 0x484d4353L); // 'HMCS'
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        recorded = rs.getString(2);
      }
    }
    if (settings.equals(recorded == null ? defaults : recorded)) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analyzer_setting (name, value) VALUES ('correlation', ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, settings);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO finding_work (sbom) SELECT id FROM analyzer_document WHERE kind = 'sbom'"
                + " ORDER BY id")) {
      ps.executeUpdate();
    }
    return true;
  }

  /** Asks for every package having one of {@code keys}, in any SBOM, to be correlated. */
  public static void enqueueKeys(Connection c, Collection<String> keys) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO finding_work (key) SELECT k FROM unnest(?::text[]) AS k ORDER BY k")) {
      ps.setArray(1, c.createArrayOf("text", new TreeSet<>(keys).toArray()));
      ps.executeUpdate();
    }
  }

  /** Records an advisory's match keys and revision date (the document row may follow later). */
  public static void writeAdvisory(Connection c, UUID advisory, Set<String> keys)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO advisory_key (advisory, key) SELECT ?, k FROM unnest(?::text[]) AS k"
                + " ON CONFLICT DO NOTHING")) {
      ps.setObject(1, advisory);
      ps.setArray(2, c.createArrayOf("text", new TreeSet<>(keys).toArray()));
      ps.executeUpdate();
    }
  }

  /** Sets the revision date of a stored advisory. */
  public static void setRevised(Connection c, UUID advisory, Instant revised) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE analyzer_document SET revised = ? WHERE id = ?")) {
      ps.setTimestamp(1, revised == null ? null : Timestamp.from(revised));
      ps.setObject(2, advisory);
      ps.executeUpdate();
    }
  }

  /**
   * The keys of every stored advisory with this declared id (all versions, any of which may be or
   * become the current one).
   */
  public static Set<String> keysOfVersions(Connection c, String documentId) throws SQLException {
    Set<String> keys = new TreeSet<>();
    if (documentId == null) {
      return keys;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT k.key FROM analyzer_document d JOIN advisory_key k"
                + " ON k.advisory = d.id WHERE d.kind = 'advisory' AND d.document_id = ?")) {
      ps.setString(1, documentId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
    }
    return keys;
  }

  /**
   * Takes the transaction-scoped advisory locks of these SBOMs' findings, in one global order (by
   * lock key), so writers of overlapping sets wait for each other instead of deadlocking, and the
   * last writer always read after the previous one committed.
   */
  public static void lockSboms(Connection c, Collection<UUID> sboms) throws SQLException {
    TreeSet<Integer> keys = new TreeSet<>();
    for (UUID s : sboms) {
      keys.add(lockKey(s));
    }
    if (keys.isEmpty()) {
      return;
    }
    // a function scan returns the array in order, and each row takes its lock before the next
    try (PreparedStatement ps =
        c.prepareStatement("SELECT pg_advisory_xact_lock(?, k) FROM unnest(?::int[]) AS k")) {
      ps.setInt(1, LOCK_CLASS);
      ps.setArray(2, c.createArrayOf("int4", keys.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          // each row is one lock taken
        }
      }
    }
  }

  private static int lockKey(UUID sbom) {
    long h = sbom.getMostSignificantBits() ^ sbom.getLeastSignificantBits();
    return (int) (h ^ (h >>> 32));
  }

  /** One claimed item. */
  public record Item(long id, UUID sbom, String key) {}

  /**
   * Claims up to {@code limit} items, oldest first, skipping those other workers hold, plus every
   * other unheld item asking for the same thing (they are all answered by one computation: each was
   * committed before this claim, so what it asks for is visible to the reads that follow).
   */
  public static List<Item> claim(Connection c, int limit) throws SQLException {
    List<Item> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, sbom, key FROM finding_work ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
      ps.setInt(1, limit);
      read(ps, items);
    }
    if (items.isEmpty()) {
      return items;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT w.id, w.sbom, w.key FROM finding_work w"
                + " JOIN unnest(?::text[], ?::uuid[]) AS t (key, sbom)"
                + " ON w.key = t.key AND w.sbom = t.sbom"
                + " WHERE NOT (w.id = ANY (?)) FOR UPDATE OF w SKIP LOCKED")) {
      ps.setArray(1, c.createArrayOf("text", items.stream().map(Item::key).toArray()));
      ps.setArray(2, c.createArrayOf("uuid", items.stream().map(Item::sbom).toArray()));
      ps.setArray(3, c.createArrayOf("int8", items.stream().map(Item::id).toArray()));
      read(ps, items);
    }
    return items;
  }

  private static void read(PreparedStatement ps, List<Item> into) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.add(new Item(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3)));
      }
    }
  }

  /** Removes answered items. */
  public static void delete(Connection c, List<Item> items) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM finding_work WHERE id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("int8", items.stream().map(Item::id).toArray()));
      ps.executeUpdate();
    }
  }

  /**
   * Replaces an item about every SBOM with one item per SBOM that has a package with {@code key}
   * (so that each transaction of the worker stays bounded).
   */
  public static int fanOut(Connection c, String key) throws SQLException {
    String sql;
    List<String> params = new ArrayList<>();
    params.add(key);
    if (key.startsWith("purl:")) {
      sql =
          "SELECT DISTINCT pp.sbom FROM analyzer_purl u JOIN sbom_package_purl pp"
              + " ON pp.purl = u.id WHERE u.base = ?";
      params.add(key.substring("purl:".length()));
    } else if (key.startsWith("hash:")) {
      sql = "SELECT DISTINCT sbom FROM sbom_package_hash WHERE digest = ?";
      params.add(key.substring("hash:".length()));
    } else if (key.equals(dev.hallmark.core.findings.MatchKeys.ANY_CPE)) {
      sql = "SELECT DISTINCT sbom FROM sbom_package_cpe";
    } else if (key.startsWith("cpe:")) {
      String[] vp = vendorProduct(key);
      sql =
          "SELECT DISTINCT pc.sbom FROM analyzer_cpe c JOIN sbom_package_cpe pc"
              + " ON pc.cpe = c.id WHERE c.vendor = ? AND c.product = ?";
      params.add(vp[0]);
      params.add(vp[1]);
    } else {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO finding_work (key, sbom) SELECT ?, s.sbom FROM (" + sql + ") AS s")) {
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      return ps.executeUpdate();
    }
  }

  /** {@code cpe:vendor:product} split at its first colon after the prefix. */
  static String[] vendorProduct(String key) {
    String rest = key.substring("cpe:".length());
    int colon = rest.indexOf(':');
    return colon < 0
        ? new String[] {rest, ""}
        : new String[] {rest.substring(0, colon), rest.substring(colon + 1)};
  }

  /** Depth and age of the queue, by the database's clock. */
  public record Status(long depth, double oldestSeconds) {}

  public static Status status(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM (clock_timestamp() - min(enqueued))),"
                    + " 0) FROM finding_work");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new Status(rs.getLong(1), Math.max(0, rs.getDouble(2)));
    }
  }
}
