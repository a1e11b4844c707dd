package dev.hallmark.tlog;

import dev.hallmark.core.note.NoteSigner;
import dev.hallmark.tlog.internal.sequencer.Sequencer;
import dev.hallmark.tlog.internal.storage.LogState;
import dev.hallmark.tlog.internal.storage.LogStorage;
import dev.hallmark.tlog.internal.storage.SqlLogStorage;
import dev.hallmark.tlog.internal.storage.StorageException;
import dev.hallmark.tlog.internal.tiles.TileCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
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
  private final Clock clock;
  private final RandomGenerator random;
  private final List<TransparencyLog> logs = new ArrayList<>();

  /**
   * @param processId unique per running process (the lease holder name)
   * @param completions runs the continuations of completed submissions (off the sequencer thread)
   */
  public LogEngine(
      DataSource dataSource,
      MeterRegistry metrics,
      String processId,
      Executor completions,
      Clock clock,
      RandomGenerator random) {
    this(new SqlLogStorage(dataSource), metrics, processId, completions, clock, random);
  }

  /** With a given storage (tests inject faults through it). */
  LogEngine(
      LogStorage storage,
      MeterRegistry metrics,
      String processId,
      Executor completions,
      Clock clock,
      RandomGenerator random) {
    this.storage = storage;
    this.clock = clock;
    this.random = random;
    this.metrics = metrics;
    this.processId = processId;
    this.completions = completions;
  }

  /** Opens (creating on first use) the log {@code name} and starts its sequencer. */
  public TransparencyLog open(String name, String origin, NoteSigner signer, LogSettings settings)
      throws LogUnavailableException {
    return open(name, treeId -> origin, signer, settings);
  }

  /**
   * Opens a log whose origin depends on its tree ID (Rekor v1: {@code "<host> - <treeID>"}); a new
   * log gets a random positive tree ID.
   */
  public synchronized TransparencyLog open(
      String name, LongFunction<String> originForTreeId, NoteSigner signer, LogSettings settings)
      throws LogUnavailableException {
    try {
      long newTreeId = random.nextLong(1, Long.MAX_VALUE);
      LogState state = storage.open(name, originForTreeId, newTreeId);
      String origin = state.origin();
      TileCache tiles = new TileCache(storage, state.logId(), settings.tileCacheTiles());
      Sequencer sequencer =
          new Sequencer(
              storage, state, signer, processId, settings, tiles, completions, clock, metrics);
      TransparencyLog log =
          new TransparencyLog(
              name, state.logId(), state.treeId(), origin, signer, storage, tiles, sequencer);
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
