package dev.hallmark.tlog.internal.storage;

import dev.hallmark.core.merkle.Hash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/** {@link LogStorage} in PostgreSQL, written directly in SQL (schema: db/tlog). */
public final class SqlLogStorage implements LogStorage {
  private final DataSource dataSource;

  public SqlLogStorage(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public LogState open(String name, LongFunction<String> originForTreeId, long newTreeId)
      throws StorageException {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO tlog_log (name, origin, tree_id) VALUES (?, ?, ?)"
                  + " ON CONFLICT (name) DO NOTHING")) {
        ps.setString(1, name);
        ps.setString(2, originForTreeId.apply(newTreeId));
        ps.setLong(3, newTreeId);
        ps.executeUpdate();
      }
      LogState state = select(c, "name = ?", name);
      String origin = originForTreeId.apply(state.treeId());
      if (!state.origin().equals(origin)) {
        throw new StorageException(
            "log "
                + name
                + " exists with origin '"
                + state.origin()
                + "'; an existing log's origin cannot change (configured '"
                + origin
                + "')");
      }
      return state;
    } catch (SQLException e) {
      throw new StorageException("cannot open log " + name, e);
    }
  }

  @Override
  public LogState state(int logId) throws StorageException {
    try (Connection c = dataSource.getConnection()) {
      return select(c, "id = ?", logId);
    } catch (SQLException e) {
      throw new StorageException("cannot read log state", e);
    }
  }

  private static LogState select(Connection c, String where, Object key)
      throws SQLException, StorageException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, name, origin, tree_id, persisted_size, checkpoint_size, root_hash,"
                + " checkpoint FROM tlog_log WHERE "
                + where)) {
      ps.setObject(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StorageException("no such log: " + key);
        }
        byte[] root = rs.getBytes(7);
        return new LogState(
            rs.getInt(1),
            rs.getString(2),
            rs.getString(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            root == null ? null : Hash.of(root),
            rs.getString(8));
      }
    }
  }

  @Override
  public Optional<Long> acquireLease(int logId, String holder, long ttlMillis)
      throws StorageException {
    String sql =
        "UPDATE tlog_log SET"
            + " lease_epoch = CASE WHEN lease_holder = ? THEN lease_epoch ELSE lease_epoch + 1 END,"
            + " lease_holder = ?,"
            + " lease_expires = now() + (? * interval '1 millisecond')"
            + " WHERE id = ? AND (lease_holder IS NULL OR lease_holder = ? OR lease_expires < now())"
            + " RETURNING lease_epoch";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, holder);
      ps.setString(2, holder);
      ps.setLong(3, ttlMillis);
      ps.setInt(4, logId);
      ps.setString(5, holder);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StorageException("cannot acquire the sequencing lease", e);
    }
  }

  @Override
  public void releaseLease(int logId, String holder) throws StorageException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE tlog_log SET lease_holder = NULL, lease_expires = NULL"
                    + " WHERE id = ? AND lease_holder = ?")) {
      ps.setInt(1, logId);
      ps.setString(2, holder);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StorageException("cannot release the sequencing lease", e);
    }
  }

  @Override
  public void appendBatch(
      int logId,
      String holder,
      long epoch,
      long firstIndex,
      long integratedTime,
      List<NewEntry> entries,
      List<TileRow> tiles,
      List<Long> pendingIds)
      throws StorageException, LeaseLostException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        SqlBatchWrites.lockAsHolder(c, logId, holder, epoch, firstIndex);
        SqlBatchWrites.insertEntries(c, logId, firstIndex, integratedTime, entries);
        SqlBatchWrites.insertSearchKeys(c, logId, firstIndex, entries);
        SqlBatchWrites.upsertTiles(c, logId, tiles);
        SqlBatchWrites.deletePending(c, pendingIds);
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE tlog_log SET persisted_size = ? WHERE id = ?")) {
          ps.setLong(1, firstIndex + entries.size());
          ps.setInt(2, logId);
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException | LeaseLostException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("cannot append a batch of " + entries.size() + " entries", e);
    }
  }

  @Override
  public boolean casCheckpoint(
      int logId,
      String holder,
      long epoch,
      long expectedSize,
      long newSize,
      Hash root,
      String checkpoint)
      throws StorageException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE tlog_log SET checkpoint_size = ?, root_hash = ?, checkpoint = ?"
                    + " WHERE id = ? AND checkpoint_size = ? AND persisted_size >= ?"
                    + " AND lease_holder = ? AND lease_epoch = ?"
                    + " AND (checkpoint IS NOT NULL OR ? = 0)")) {
      ps.setLong(1, newSize);
      ps.setBytes(2, root.toBytes());
      ps.setString(3, checkpoint);
      ps.setInt(4, logId);
      ps.setLong(5, expectedSize);
      ps.setLong(6, newSize);
      ps.setString(7, holder);
      ps.setLong(8, epoch);
      ps.setLong(9, expectedSize);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StorageException("cannot store the signed checkpoint", e);
    }
  }

  @Override
  public Map<Hash, EntryRef> find(int logId, Collection<Hash> leafHashes) throws StorageException {
    Map<Hash, EntryRef> found = new HashMap<>();
    if (leafHashes.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT leaf_hash, idx, integrated_time FROM tlog_entry"
                    + " WHERE log_id = ? AND leaf_hash = ANY (?)")) {
      byte[][] hashes = new byte[leafHashes.size()][];
      int i = 0;
      for (Hash h : leafHashes) {
        hashes[i++] = h.toBytes();
      }
      ps.setInt(1, logId);
      ps.setArray(2, c.createArrayOf("bytea", hashes));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(Hash.of(rs.getBytes(1)), new EntryRef(rs.getLong(2), rs.getLong(3)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StorageException("cannot look up entries by leaf hash", e);
    }
  }

  @Override
  public Optional<byte[]> tile(int logId, int level, long index) throws StorageException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT hashes FROM tlog_tile WHERE log_id = ? AND level = ? AND idx = ?")) {
      ps.setInt(1, logId);
      ps.setInt(2, level);
      ps.setLong(3, index);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StorageException("cannot read tile " + level + "/" + index, e);
    }
  }

  @Override
  public Map<TileKey, byte[]> tiles(int logId, Collection<TileKey> keys) throws StorageException {
    Map<TileKey, byte[]> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.level, t.idx, t.hashes FROM tlog_tile t"
                    + " JOIN unnest(?::smallint[], ?::bigint[]) AS k(level, idx)"
                    + " ON t.level = k.level AND t.idx = k.idx WHERE t.log_id = ?")) {
      List<Short> levels = new ArrayList<>();
      List<Long> indexes = new ArrayList<>();
      for (TileKey k : keys) {
        levels.add((short) k.level());
        indexes.add(k.index());
      }
      ps.setArray(1, c.createArrayOf("smallint", levels.toArray()));
      ps.setArray(2, c.createArrayOf("bigint", indexes.toArray()));
      ps.setInt(3, logId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(new TileKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StorageException("cannot read tiles", e);
    }
  }

  @Override
  public List<byte[]> entries(int logId, long from, long to) throws StorageException {
    List<byte[]> bodies = new ArrayList<>();
    for (StoredEntry e : storedEntries(logId, from, to)) {
      bodies.add(e.body());
    }
    return bodies;
  }

  @Override
  public Optional<StoredEntry> entry(int logId, long index) throws StorageException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT body, integrated_time, extra FROM tlog_entry WHERE log_id = ? AND idx = ?")) {
      ps.setInt(1, logId);
      ps.setLong(2, index);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new StoredEntry(index, rs.getBytes(1), rs.getLong(2), rs.getBytes(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StorageException("cannot read entry " + index, e);
    }
  }

  @Override
  public List<Long> search(int logId, List<String> keys, boolean all, long belowSize, int limit)
      throws StorageException {
    return SqlSearchIndex.search(dataSource, logId, keys, all, belowSize, limit);
  }

  @Override
  public List<StoredEntry> storedEntries(int logId, long from, long to) throws StorageException {
    List<StoredEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT idx, body, integrated_time, extra FROM tlog_entry"
                    + " WHERE log_id = ? AND idx >= ? AND idx < ? ORDER BY idx")) {
      ps.setInt(1, logId);
      ps.setLong(2, from);
      ps.setLong(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        long expected = from;
        while (rs.next()) {
          if (rs.getLong(1) != expected) {
            throw new StorageException("entry " + expected + " is missing from the log");
          }
          expected++;
          out.add(new StoredEntry(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getBytes(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageException("cannot read entries", e);
    }
  }

  @Override
  public void addPending(int logId, List<NewEntry> entries) throws StorageException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tlog_pending (log_id, leaf_hash, body, search_keys, extra)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      for (NewEntry e : entries) {
        ps.setInt(1, logId);
        ps.setBytes(2, e.leafHash().toBytes());
        ps.setBytes(3, e.body());
        ps.setArray(4, c.createArrayOf("text", e.searchKeys().toArray()));
        ps.setBytes(5, e.extra());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StorageException("cannot hand over submissions to the sequencer", e);
    }
  }

  @Override
  public List<PendingEntry> pending(int logId, int limit) throws StorageException {
    List<PendingEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, leaf_hash, body, search_keys, extra FROM tlog_pending WHERE log_id = ?"
                    + " ORDER BY id LIMIT ?")) {
      ps.setInt(1, logId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] keys = (String[]) rs.getArray(4).getArray();
          out.add(
              new PendingEntry(
                  rs.getLong(1),
                  new NewEntry(
                      Hash.of(rs.getBytes(2)), rs.getBytes(3), List.of(keys), rs.getBytes(5))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageException("cannot read handed-over submissions", e);
    }
  }
}
