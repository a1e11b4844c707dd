package dev.hallmark.trust;

import dev.hallmark.core.tuf.PublishedFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link TufStore} on PostgreSQL (table {@code tuf_file}, migrations {@code db/trust}). A change
 * holds a transaction-scoped advisory lock, reads inside its transaction and commits the whole
 * publication at once; a versioned file is never rewritten with other content (that would be a
 * repository fork) — only {@code timestamp.json} is replaced.
 */
public final class SqlTufStore implements TufStore {
  /** Arbitrary constant naming the repository's writer lock. */
  private static final long WRITER_LOCK = 0x48414c4d54554621L;

  private static final String MUTABLE = "timestamp.json";

  private final DataSource dataSource;

  public SqlTufStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<byte[]> read(String path) throws TrustStoreException {
    try (Connection c = dataSource.getConnection()) {
      return read(c, path);
    } catch (SQLException e) {
      throw new TrustStoreException("cannot read " + path + " of the TUF repository", e);
    }
  }

  private static Optional<byte[]> read(Connection c, String path) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT content FROM tuf_file WHERE path = ?")) {
      ps.setString(1, path);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    }
  }

  @Override
  public <T> T change(Change<T> change) throws TrustStoreException, TrustException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, WRITER_LOCK);
          lock.execute();
        }
        Result<T> result =
            change.apply(
                path -> {
                  try {
                    return read(c, path);
                  } catch (SQLException e) {
                    throw new TrustStoreException("cannot read " + path, e);
                  }
                });
        for (PublishedFile f : result.publication().files()) {
          write(c, f);
        }
        c.commit();
        return result.value();
      } catch (SQLException | TrustStoreException | TrustException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new TrustStoreException("cannot change the TUF repository", e);
    }
  }

  private static void write(Connection c, PublishedFile f) throws SQLException {
    Optional<byte[]> existing = read(c, f.path());
    if (existing.isPresent()) {
      if (Arrays.equals(existing.get(), f.bytes())) {
        return;
      }
      if (!f.path().equals(MUTABLE)) {
        throw new SQLException(
            "refusing to rewrite the published file " + f.path() + " with other content");
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tuf_file (path, content) VALUES (?, ?)"
                + " ON CONFLICT (path) DO UPDATE SET content = EXCLUDED.content, published = now()")) {
      ps.setString(1, f.path());
      ps.setBytes(2, f.bytes());
      ps.executeUpdate();
    }
  }
}
