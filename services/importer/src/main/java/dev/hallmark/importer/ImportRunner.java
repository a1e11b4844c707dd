package dev.hallmark.importer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler: every {@code tick} (and at once after a force) it starts the due importers on a
 * pool of {@code concurrency} threads. Several processes may run one each: the run lease in
 * PostgreSQL lets one of them run a given importer at a time. {@link #close} interrupts running
 * walks; they stop at their next document and report "interrupted".
 */
public final class ImportRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  private final Importers importers;
  private final ScheduledExecutorService ticks;
  private final ExecutorService workers;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public ImportRunner(Importers importers, Duration tick, int concurrency) {
    this.importers = importers;
    this.ticks = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "importer-tick"));
    this.workers = Executors.newFixedThreadPool(concurrency, r -> thread(r, "importer-run"));
    importers.onForce(() -> ticks.execute(this::tick));
    ticks.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void tick() {
    try {
      for (String name : importers.due()) {
        if (inFlight.add(name)) {
          workers.execute(
              () -> {
                try {
                  importers.runIfDue(name);
                } catch (ImporterException e) {
                  log.warn("importer {}: {}", name, e.getMessage());
                } catch (RuntimeException e) {
                  log.error("importer {}: run failed", name, e);
                } finally {
                  inFlight.remove(name);
                }
              });
        }
      }
    } catch (ImporterException e) {
      log.warn("importers: cannot list due importers: {}", e.getMessage());
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
