package dev.hallmark.tlog.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Lookups in {@code tlog_search}, the search-key index written with each batch. */
final class SqlSearchIndex {
  private SqlSearchIndex() {}

  static List<Long> search(
      DataSource dataSource, int logId, List<String> keys, boolean all, long belowSize, int limit)
      throws StorageException {
    List<Long> out = new ArrayList<>();
    if (keys.isEmpty()) {
      return out;
    }
    // One index range scan per key; "all" keeps the indexes every key found.
    String sql =
        "SELECT idx FROM tlog_search WHERE log_id = ? AND key = ANY (?) AND idx < ?"
            + " GROUP BY idx"
            + (all ? " HAVING count(DISTINCT key) = ?" : "")
            + " ORDER BY idx LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      List<String> distinct = keys.stream().distinct().toList();
      int i = 1;
      ps.setInt(i++, logId);
      ps.setArray(i++, c.createArrayOf("text", distinct.toArray()));
      ps.setLong(i++, belowSize);
      if (all) {
        ps.setInt(i++, distinct.size());
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageException("cannot search the log", e);
    }
  }
}
