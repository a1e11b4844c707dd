package dev.hallmark.tlog;

import dev.hallmark.core.note.NoteSigner;
import dev.hallmark.tlog.internal.sequencer.Sequencer;
import dev.hallmark.tlog.internal.storage.LogState;
import dev.hallmark.tlog.internal.storage.LogStorage;
import dev.hallmark.tlog.internal.storage.SqlLogStorage;
import dev.hallmark.tlog.internal.storage.StorageException;
import dev.hallmark.tlog.internal.tiles.TileCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Hosts any number of independent logs on one PostgreSQL database (schema {@code db/tlog}), each
 * with its own origin and key. Several processes may host the same logs on one database: a lease
 * per log picks the one that sequences.
 */
public final class LogEngine implements AutoCloseable {
  private final LogStorage storage;
  private final MeterRegistry metrics;
  private final String processId;
  private final Executor completions;
  private final List<TransparencyLog> logs = new ArrayList<>();

  /**
   * @param processId unique per running process (the lease holder name)
   * @param completions runs the continuations of completed submissions (off the sequencer thread)
   */
  public LogEngine(
      DataSource dataSource, MeterRegistry metrics, String processId, Executor completions) {
    this(new SqlLogStorage(dataSource), metrics, processId, completions);
  }

  /** With a given storage (tests inject faults through it). */
  LogEngine(LogStorage storage, MeterRegistry metrics, String processId, Executor completions) {
    this.storage = storage;
    this.metrics = metrics;
    this.processId = processId;
    this.completions = completions;
  }

  /** Opens (creating on first use) the log {@code name} and starts its sequencer. */
  public synchronized TransparencyLog open(
      String name, String origin, NoteSigner signer, LogSettings settings)
      throws LogUnavailableException {
    try {
      LogState state = storage.open(name, origin);
      TileCache tiles = new TileCache(storage, state.logId(), settings.tileCacheTiles());
      Sequencer sequencer =
          new Sequencer(storage, state, signer, processId, settings, tiles, completions, metrics);
      TransparencyLog log =
          new TransparencyLog(name, state.logId(), origin, signer, storage, tiles, sequencer);
      sequencer.start();
      logs.add(log);
      return log;
    } catch (StorageException e) {
      throw new LogUnavailableException("cannot open log " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    logs.forEach(TransparencyLog::close);
    logs.clear();
  }
}
