package dev.hallmark.analyzer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps a retried ingest from deadlocking again. Ingests create the shared purl and CPE rows in
 * sorted order within each batch, but a streamed document has many batches, so two overlapping
 * documents can take shared rows in opposite orders across batches and PostgreSQL aborts one of
 * them. Run again right away, the victim can meet the same ingest in the same way (seen under CI
 * load: three deadlocks in a row). So every first attempt holds this transaction-scoped advisory
 * lock shared, and every later attempt holds it exclusively: a retry waits for the ingests in
 * flight to finish, runs alone, and new ingests wait for it. First attempts never wait on each
 * other here.
 */
public final class IngestLock {
  /** The advisory lock key ('HMIN'). */
  private static final long KEY = 0x484d494eL;

  private IngestLock() {}

  /** Takes the lock for attempt {@code attempt} (1 = first) in the caller's transaction. */
  public static void take(Connection c, int attempt) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            attempt <= 1
                ? "SELECT pg_advisory_xact_lock_shared(?)"
                : "SELECT pg_advisory_xact_lock(?)")) {
      ps.setLong(1, KEY);
      ps.execute();
    }
  }
}
