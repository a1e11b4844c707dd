package dev.hallmark.tlog.internal.storage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The statements of one batch transaction ({@link SqlLogStorage#appendBatch}). */
final class SqlBatchWrites {
  private SqlBatchWrites() {}

  static void lockAsHolder(Connection c, int logId, String holder, long epoch, long expectedSize)
      throws SQLException, LeaseLostException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT persisted_size, lease_holder, lease_epoch, lease_expires > now()"
                + " FROM tlog_log WHERE id = ? FOR UPDATE")) {
      ps.setInt(1, logId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new LeaseLostException("log " + logId + " vanished");
        }
        if (!holder.equals(rs.getString(2)) || rs.getLong(3) != epoch || !rs.getBoolean(4)) {
          throw new LeaseLostException("sequencing lease no longer held by " + holder);
        }
        if (rs.getLong(1) != expectedSize) {
          throw new LeaseLostException(
              "log size is " + rs.getLong(1) + ", sequencer expected " + expectedSize);
        }
      }
    }
  }

  static void insertEntries(
      Connection c, int logId, long firstIndex, long integratedTime, List<NewEntry> entries)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tlog_entry (log_id, idx, leaf_hash, body, integrated_time, extra)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      long index = firstIndex;
      for (NewEntry e : entries) {
        ps.setInt(1, logId);
        ps.setLong(2, index++);
        ps.setBytes(3, e.leafHash().toBytes());
        ps.setBytes(4, e.body());
        ps.setLong(5, integratedTime);
        ps.setBytes(6, e.extra());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * One statement for the whole batch, the keys and indexes as two arrays: PostgreSQL parses and
   * plans it once instead of a VALUES row per key, which made this the costliest statement of a
   * Rekor v1 batch.
   */
  static void insertSearchKeys(Connection c, int logId, long firstIndex, List<NewEntry> entries)
      throws SQLException {
    List<String> keys = new ArrayList<>(entries.size() * 2);
    List<Long> indexes = new ArrayList<>(entries.size() * 2);
    long index = firstIndex;
    for (NewEntry e : entries) {
      for (String key : e.searchKeys()) {
        keys.add(key);
        indexes.add(index);
      }
      index++;
    }
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tlog_search (log_id, key, idx)"
                + " SELECT ?, k, i FROM unnest(?::text[], ?::bigint[]) AS t (k, i)")) {
      ps.setInt(1, logId);
      ps.setArray(2, c.createArrayOf("text", keys.toArray()));
      ps.setArray(3, c.createArrayOf("bigint", indexes.toArray()));
      ps.executeUpdate();
    }
  }

  static void upsertTiles(Connection c, int logId, List<TileRow> tiles) throws SQLException {
    if (tiles.isEmpty()) {
      return;
    }
    // A tile only ever grows, and its existing prefix never changes: the WHERE clause refuses
    // anything else, and the sequencer's read-back check then stops the log.
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tlog_tile (log_id, level, idx, hashes) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (log_id, level, idx) DO UPDATE SET hashes = EXCLUDED.hashes"
                + " WHERE length(EXCLUDED.hashes) >= length(tlog_tile.hashes)"
                + " AND substring(EXCLUDED.hashes FROM 1 FOR length(tlog_tile.hashes))"
                + " = tlog_tile.hashes")) {
      for (TileRow t : tiles) {
        ps.setInt(1, logId);
        ps.setInt(2, t.key().level());
        ps.setLong(3, t.key().index());
        ps.setBytes(4, t.hashes());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void deletePending(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM tlog_pending WHERE id = ANY (?)")) {
      Array array = c.createArrayOf("bigint", ids.toArray());
      ps.setArray(1, array);
      ps.executeUpdate();
    }
  }
}
