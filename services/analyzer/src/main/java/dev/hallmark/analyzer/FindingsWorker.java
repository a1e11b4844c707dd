package dev.hallmark.analyzer;

import dev.hallmark.analyzer.internal.FindingsQueue;
import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.findings.MatchKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the materialised findings current by consuming the work queue that ingests and deletes fill
 * (in their own transactions). Any number of workers — threads or processes on one database — may
 * run: each claims a batch with {@code FOR UPDATE SKIP LOCKED} and, in one transaction, takes the
 * advisory locks of the SBOMs concerned (sorted), reads packages and advisories, replaces those
 * packages' findings and deletes the items. A failure rolls all of it back and the items stay
 * queued for the next attempt. Findings are thus never staler than the queue's delay.
 *
 * <p>Use {@link #runOnce()} / {@link #drain()} directly (tests, benchmarks), or {@link #start} a
 * background thread that polls and is woken at once by a local ingest.
 */
public final class FindingsWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FindingsWorker.class);

  /** Sees each SBOM's recomputation before its transaction commits (tests, metrics). */
  public interface Observer {
    /**
     * @param sbom the SBOM, as {@code urn:uuid:...}
     * @param packages how many of its packages were recomputed
     */
    void correlated(String sbom, int packages) throws SQLException;
  }

  /** Queue depth and the age of its oldest item. */
  public record QueueStatus(long depth, Duration oldest) {}

  private final Analyzer analyzer;
  private final int batchSize;
  private final Observer observer;
  private final Object signal = new Object();
  private final Runnable waker = this::wake;
  private boolean woken;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param batchSize the most queue items one transaction answers (before fan-out)
   * @param observer called per SBOM recomputed, or null
   */
  public FindingsWorker(Analyzer analyzer, int batchSize, Observer observer) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be positive");
    }
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.batchSize = batchSize;
    this.observer = observer == null ? (s, n) -> {} : observer;
  }

  /**
   * Answers one batch of work in one transaction; returns how many items it answered (0 when the
   * queue held nothing this worker could claim).
   */
  public int runOnce() throws AnalyzerException {
    try (Connection c = analyzer.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        List<FindingsQueue.Item> items = FindingsQueue.claim(c, batchSize);
        if (items.isEmpty()) {
          c.rollback();
          return 0;
        }
        Map<UUID, Set<String>> targets = new TreeMap<>();
        Set<String> fanOut = new TreeSet<>();
        boolean index = false;
        for (FindingsQueue.Item item : items) {
          if (!item.sbom().equals(FindingsQueue.ALL)) {
            targets.computeIfAbsent(item.sbom(), k -> new TreeSet<>()).add(item.key());
          } else if (item.key().equals(FindingsQueue.INDEX)) {
            index = true;
          } else {
            fanOut.add(item.key());
          }
        }
        if (index) {
          fanOut.addAll(indexOldAdvisories(c));
        }
        for (String key : fanOut) {
          FindingsQueue.fanOut(c, key);
        }
        if (!targets.isEmpty()) {
          Map<UUID, Integer> counts = analyzer.correlation().run(c, targets);
          for (Map.Entry<UUID, Integer> e : counts.entrySet()) {
            observer.correlated("urn:uuid:" + e.getKey(), e.getValue());
          }
        }
        FindingsQueue.delete(c, items);
        c.commit();
        return items.size();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AnalyzerException("cannot update findings: " + e.getMessage(), e);
    }
  }

  /** Runs batches until the queue is empty (as far as this worker can claim); answers the items. */
  public long drain() throws AnalyzerException {
    long total = 0;
    for (int n; (n = runOnce()) > 0; ) {
      total += n;
    }
    return total;
  }

  /** The queue's depth and the age of its oldest item. */
  public QueueStatus status() throws AnalyzerException {
    return analyzer.queueStatus();
  }

  /**
   * Starts a daemon thread that drains the queue, then waits up to {@code poll} (or until {@link
   * #wake()}, which a local ingest or delete calls) before looking again. A failed batch is logged
   * and retried after {@code poll}.
   */
  public synchronized void start(Duration poll) {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    long pollMillis = Math.max(1, poll.toMillis());
    running = true;
    analyzer.addWorkListener(waker);
    thread =
        new Thread(
            () -> {
              while (running) {
                try {
                  if (runOnce() > 0) {
                    continue;
                  }
                } catch (AnalyzerException | RuntimeException e) {
                  log.warn("findings worker: {}", e.getMessage());
                }
                await(pollMillis);
              }
            },
            "findings-worker");
    thread.setDaemon(true);
    thread.start();
  }

  /** Makes a waiting background worker look at the queue now. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void await(long millis) {
    synchronized (signal) {
      long until = System.nanoTime() + millis * 1_000_000;
      while (!woken && running) {
        long left = (until - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        try {
          signal.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      woken = false;
    }
  }

  /** Stops the background thread after its current batch (which commits or rolls back whole). */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
      thread = null;
    }
    analyzer.removeWorkListener(waker);
    if (t != null) {
      wake();
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Advisories stored before findings existed (migration V5) have no keys yet: parse each once,
   * record its keys and revision date, and answer the keys to re-correlate.
   */
  private Set<String> indexOldAdvisories(Connection c) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT d.id FROM analyzer_document d WHERE d.kind = 'advisory' AND NOT EXISTS"
                    + " (SELECT 1 FROM advisory_key k WHERE k.advisory = d.id) ORDER BY d.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    Set<String> all = new TreeSet<>();
    for (int i = 0; i < ids.size(); i += 100) {
      Map<UUID, Advisory> parsed =
          analyzer.advisoryCache().get(c, ids.subList(i, Math.min(ids.size(), i + 100)));
      for (Map.Entry<UUID, Advisory> e : parsed.entrySet()) {
        Set<String> keys = MatchKeys.of(e.getValue());
        FindingsQueue.writeAdvisory(c, e.getKey(), keys);
        FindingsQueue.setRevised(c, e.getKey(), Ingestion.revised(e.getValue()));
        all.addAll(keys);
      }
    }
    return all;
  }
}
