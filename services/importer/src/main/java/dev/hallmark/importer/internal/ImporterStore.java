package dev.hallmark.importer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.importer.Importer;
import dev.hallmark.importer.ImporterException;
import dev.hallmark.importer.ImporterExistsException;
import dev.hallmark.importer.NoSuchImporterException;
import dev.hallmark.importer.RunReport;
import dev.hallmark.importer.StaleRevisionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The importer tables in SQL. Every method is one transaction (autocommit or explicit); nothing
 * retries. Lease-holding writes (heartbeat, items, finish) check the holder, so a process that lost
 * its lease cannot write over the process that took the importer over.
 */
public final class ImporterStore {
  private static final String COLUMNS =
      "name, configuration::text, revision, lease_holder, lease_until, force, progress,"
          + " heartbeat, last_run, last_success, last_error";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;

  public ImporterStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** All importers by name. {@code now} decides whether a lease is still held. */
  public List<Importer> list(Instant now) throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM importer ORDER BY name")) {
      List<Importer> all = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          all.add(importer(r, now));
        }
      }
      return all;
    } catch (SQLException e) {
      throw failure("list importers", e);
    }
  }

  public Optional<Importer> get(String name, Instant now) throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM importer WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(importer(r, now)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read importer " + name, e);
    }
  }

  public void insert(String name, JsonNode configuration) throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO importer (name, configuration, revision) VALUES (?, ?::jsonb, 1)"
                    + " ON CONFLICT (name) DO NOTHING")) {
      s.setString(1, name);
      s.setString(2, configuration.toString());
      if (s.executeUpdate() == 0) {
        throw new ImporterExistsException(name);
      }
    } catch (SQLException e) {
      throw failure("create importer " + name, e);
    }
  }

  /** Replaces the configuration if the revision is {@code ifRevision} (any when empty). */
  public void update(String name, JsonNode configuration, Optional<Long> ifRevision)
      throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE importer SET configuration = ?::jsonb, revision = revision + 1"
                    + " WHERE name = ? AND (?::bigint IS NULL OR revision = ?::bigint)")) {
      s.setString(1, configuration.toString());
      s.setString(2, name);
      setRevision(s, 3, ifRevision);
      if (s.executeUpdate() == 0) {
        throw missingOrStale(c, name, ifRevision);
      }
    } catch (SQLException e) {
      throw failure("update importer " + name, e);
    }
  }

  /** Deletes it with its continuation and reports, if the revision is {@code ifRevision}. */
  public void delete(String name, Optional<Long> ifRevision) throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "DELETE FROM importer WHERE name = ? AND (?::bigint IS NULL OR revision = ?::bigint)")) {
      s.setString(1, name);
      setRevision(s, 2, ifRevision);
      if (s.executeUpdate() == 0) {
        throw missingOrStale(c, name, ifRevision);
      }
    } catch (SQLException e) {
      throw failure("delete importer " + name, e);
    }
  }

  /** Asks for a run as soon as possible. */
  public void force(String name) throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE importer SET force = true WHERE name = ?")) {
      s.setString(1, name);
      if (s.executeUpdate() == 0) {
        throw new NoSuchImporterException(name);
      }
    } catch (SQLException e) {
      throw failure("force importer " + name, e);
    }
  }

  /**
   * Takes the run lease if nobody holds it and the importer has not run since {@code lastRun} (so
   * two processes that both saw it due run it once). Clears the force flag.
   */
  public boolean claim(
      String name, String holder, Optional<Instant> lastRun, Instant now, Instant until)
      throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE importer SET lease_holder = ?, lease_until = ?, heartbeat = ?,"
                    + " force = false, progress = 'starting'"
                    + " WHERE name = ? AND (lease_until IS NULL OR lease_until < ?)"
                    + " AND last_run IS NOT DISTINCT FROM ?")) {
      s.setString(1, holder);
      s.setTimestamp(2, Timestamp.from(until));
      s.setTimestamp(3, Timestamp.from(now));
      s.setString(4, name);
      s.setTimestamp(5, Timestamp.from(now));
      if (lastRun.isPresent()) {
        s.setTimestamp(6, Timestamp.from(lastRun.get()));
      } else {
        s.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
      }
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("claim importer " + name, e);
    }
  }

  /** Extends the lease; false if it is no longer ours (taken over, or the importer deleted). */
  public boolean heartbeat(String name, String holder, Instant now, Instant until, String progress)
      throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE importer SET lease_until = ?, heartbeat = ?, progress = ?"
                    + " WHERE name = ? AND lease_holder = ?")) {
      s.setTimestamp(1, Timestamp.from(until));
      s.setTimestamp(2, Timestamp.from(now));
      s.setString(3, progress);
      s.setString(4, name);
      s.setString(5, holder);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("heartbeat of importer " + name, e);
    }
  }

  /** The continuation: item to marker. */
  public Map<String, String> markers(String name) throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT item, marker FROM importer_item WHERE importer = ?")) {
      s.setString(1, name);
      s.setFetchSize(10_000);
      Map<String, String> markers = new HashMap<>();
      c.setAutoCommit(false); // a cursor, not the whole result at once
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          markers.put(r.getString(1), r.getString(2));
        }
      } finally {
        c.commit();
        c.setAutoCommit(true);
      }
      return markers;
    } catch (SQLException e) {
      throw failure("read the continuation of importer " + name, e);
    }
  }

  /** Records an item as done, if the lease is still ours; false if it is not. */
  public boolean markDone(String name, String holder, String item, String marker)
      throws ImporterException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO importer_item (importer, item, marker)"
                    + " SELECT name, ?, ? FROM importer WHERE name = ? AND lease_holder = ?"
                    + " ON CONFLICT (importer, item) DO UPDATE SET marker = EXCLUDED.marker")) {
      s.setString(1, item);
      s.setString(2, marker);
      s.setString(3, name);
      s.setString(4, holder);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("record progress of importer " + name, e);
    }
  }

  /**
   * Ends a run: stores its report, sets last run (and last success when it completed), drops the
   * lease and old reports beyond {@code keep}; one transaction. Nothing is written when the lease
   * is no longer ours.
   */
  public RunReport finish(String holder, RunReport report, int keep) throws ImporterException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE importer SET lease_holder = NULL, lease_until = NULL, progress = NULL,"
                    + " last_run = ?, last_error = ?,"
                    + " last_success = CASE WHEN ? THEN ? ELSE last_success END"
                    + " WHERE name = ? AND lease_holder = ?")) {
          s.setTimestamp(1, Timestamp.from(report.started()));
          s.setString(2, report.error().orElse(null));
          s.setBoolean(3, report.outcome() == RunReport.Outcome.COMPLETED);
          s.setTimestamp(4, Timestamp.from(report.started()));
          s.setString(5, report.importer());
          s.setString(6, holder);
          if (s.executeUpdate() == 0) {
            c.rollback();
            return report;
          }
        }
        long id;
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO importer_report (importer, started, finished, outcome, stored,"
                    + " duplicate, rejected, failed, skipped, error, messages)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
          s.setString(1, report.importer());
          s.setTimestamp(2, Timestamp.from(report.started()));
          s.setTimestamp(3, Timestamp.from(report.finished()));
          s.setString(4, report.outcome().name().toLowerCase(java.util.Locale.ROOT));
          s.setInt(5, report.stored());
          s.setInt(6, report.duplicate());
          s.setInt(7, report.rejected());
          s.setInt(8, report.failed());
          s.setInt(9, report.skipped());
          s.setString(10, report.error().orElse(null));
          s.setString(11, ReportRows.encode(report.messages()));
          try (ResultSet r = s.executeQuery()) {
            r.next();
            id = r.getLong(1);
          }
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "DELETE FROM importer_report WHERE importer = ? AND id NOT IN"
                    + " (SELECT id FROM importer_report WHERE importer = ?"
                    + " ORDER BY id DESC LIMIT ?)")) {
          s.setString(1, report.importer());
          s.setString(2, report.importer());
          s.setInt(3, keep);
          s.executeUpdate();
        }
        c.commit();
        return new RunReport(
            id,
            report.importer(),
            report.started(),
            report.finished(),
            report.outcome(),
            report.stored(),
            report.duplicate(),
            report.rejected(),
            report.failed(),
            report.skipped(),
            report.error(),
            report.messages());
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("store the report of importer " + report.importer(), e);
    }
  }

  /** Reports, newest first. */
  public List<RunReport> reports(String name, int offset, int limit) throws ImporterException {
    try (Connection c = dataSource.getConnection()) {
      return ReportRows.read(c, name, offset, limit);
    } catch (SQLException e) {
      throw failure("read reports of importer " + name, e);
    }
  }

  private static ImporterException missingOrStale(
      Connection c, String name, Optional<Long> ifRevision) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT revision FROM importer WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return new NoSuchImporterException(name);
        }
        return new StaleRevisionException(name, ifRevision.orElse(-1L), r.getLong(1));
      }
    }
  }

  private static void setRevision(PreparedStatement s, int at, Optional<Long> revision)
      throws SQLException {
    if (revision.isPresent()) {
      s.setLong(at, revision.get());
      s.setLong(at + 1, revision.get());
    } else {
      s.setNull(at, Types.BIGINT);
      s.setNull(at + 1, Types.BIGINT);
    }
  }

  private static Importer importer(ResultSet r, Instant now) throws SQLException {
    JsonNode configuration;
    try {
      configuration = JSON.readTree(r.getString(2));
    } catch (JsonProcessingException e) {
      throw new SQLException("stored configuration is not JSON", e);
    }
    Timestamp until = r.getTimestamp(5);
    boolean running = r.getString(4) != null && until != null && until.toInstant().isAfter(now);
    return new Importer(
        r.getString(1),
        configuration,
        r.getLong(3),
        running,
        r.getBoolean(6),
        Optional.ofNullable(running ? r.getString(7) : null),
        instant(r.getTimestamp(8)),
        instant(r.getTimestamp(9)),
        instant(r.getTimestamp(10)),
        Optional.ofNullable(r.getString(11)));
  }

  private static Optional<Instant> instant(Timestamp t) {
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  private static ImporterException failure(String what, SQLException e) {
    return new ImporterException("cannot " + what + ": " + e.getMessage(), e);
  }
}
