package dev.hallmark.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.importer.internal.ImporterStore;
import dev.hallmark.importer.internal.JsonMergePatch;
import dev.hallmark.importer.internal.Run;
import dev.hallmark.importer.internal.RunInterruptedException;
import dev.hallmark.importer.internal.Source;
import dev.hallmark.importer.internal.Sources;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Importers: their definitions (with revisions for optimistic concurrency), their runs and reports.
 *
 * <p>Contract: definitions, continuation and reports are in PostgreSQL. A run holds a lease on its
 * importer row (renewed by a heartbeat every third of the lease), so one run per importer happens
 * at a time across all processes. Each document's outcome is recorded as it happens: a run that is
 * interrupted (process killed, lease lost, source failing half-way) loses nothing that was done,
 * and the next run skips what is done and retries what failed. Nothing here retries a database
 * failure; fetches retry as configured per importer ({@code fetchRetries}).
 */
public final class Importers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Importers.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final ImporterStore store;
  private final DocumentSink sink;
  private final HttpClient http;
  private final Clock clock;
  private final ImporterSettings settings;
  private final ScheduledExecutorService heartbeats;
  private final List<Runnable> forceListeners = new CopyOnWriteArrayList<>();

  public Importers(
      DataSource dataSource,
      DocumentSink sink,
      HttpClient http,
      Clock clock,
      ImporterSettings settings) {
    this.store = new ImporterStore(Objects.requireNonNull(dataSource, "dataSource"));
    this.sink = Objects.requireNonNull(sink, "sink");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "importer-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  public ImporterSettings settings() {
    return settings;
  }

  /** Called after every {@link #force} (the runner wakes up). */
  public void onForce(Runnable listener) {
    forceListeners.add(listener);
  }

  public List<Importer> list() throws ImporterException {
    return store.list(clock.instant());
  }

  public Importer get(String name) throws ImporterException {
    return store.get(name, clock.instant()).orElseThrow(() -> new NoSuchImporterException(name));
  }

  /** Creates an importer; its first run is due at once (unless disabled). */
  public Importer create(String name, JsonNode configuration) throws ImporterException {
    checkName(name);
    check(configuration);
    store.insert(name, configuration);
    return get(name);
  }

  /** Replaces the configuration (PUT). {@code ifRevision}: the caller's If-Match, if any. */
  public Importer replace(String name, JsonNode configuration, Optional<Long> ifRevision)
      throws ImporterException {
    check(configuration);
    store.update(name, configuration, ifRevision);
    return get(name);
  }

  /** Applies an RFC 7396 merge patch to the configuration (PATCH). */
  public Importer patch(String name, JsonNode mergePatch, Optional<Long> ifRevision)
      throws ImporterException {
    Importer current = get(name);
    if (ifRevision.isPresent() && ifRevision.get() != current.revision()) {
      throw new StaleRevisionException(name, ifRevision.get(), current.revision());
    }
    JsonNode patched = JsonMergePatch.apply(current.configuration(), mergePatch);
    check(patched);
    store.update(name, patched, Optional.of(current.revision()));
    return get(name);
  }

  /** Enables or disables it; a running run finishes, no further one starts. */
  public Importer setEnabled(String name, boolean enabled, Optional<Long> ifRevision)
      throws ImporterException {
    Importer current = get(name);
    if (ifRevision.isPresent() && ifRevision.get() != current.revision()) {
      throw new StaleRevisionException(name, ifRevision.get(), current.revision());
    }
    store.update(
        name,
        ImporterDefinition.withDisabled(current.configuration(), !enabled),
        Optional.of(current.revision()));
    return get(name);
  }

  /** Deletes it with its continuation and reports; a running run stops at its next document. */
  public void delete(String name, Optional<Long> ifRevision) throws ImporterException {
    store.delete(name, ifRevision);
  }

  /** Asks for a run as soon as possible (even when disabled: once). */
  public void force(String name) throws ImporterException {
    store.force(name);
    forceListeners.forEach(Runnable::run);
  }

  /** Reports, newest first. */
  public List<RunReport> reports(String name, int offset, int limit) throws ImporterException {
    get(name);
    return store.reports(name, offset, limit);
  }

  /** Names of importers due now: forced, or enabled and their period passed since the last run. */
  public List<String> due() throws ImporterException {
    Instant now = clock.instant();
    List<String> due = new ArrayList<>();
    for (Importer i : store.list(now)) {
      if (i.running()) {
        continue;
      }
      ImporterDefinition d;
      try {
        d = i.definition();
      } catch (InvalidImporterException e) {
        continue; // stored before a rule changed; the API shows it, the runner leaves it
      }
      if (i.forced()
          || (!d.disabled()
              && (i.lastRun().isEmpty() || !i.lastRun().get().plus(d.period()).isAfter(now)))) {
        due.add(i.name());
      }
    }
    return due;
  }

  /** Runs it now if it is still due and no process runs it; empty otherwise. */
  public Optional<RunReport> runIfDue(String name) throws ImporterException {
    if (!due().contains(name)) {
      return Optional.empty();
    }
    return run(name);
  }

  /**
   * Runs it now in this thread, whatever its period, unless a process runs it already (empty then).
   * Per-document problems are in the report; an exception only when the report could not be stored.
   */
  public Optional<RunReport> run(String name) throws ImporterException {
    Importer importer = get(name);
    Instant started = clock.instant();
    String holder = settings.holder();
    if (!store.claim(name, holder, importer.lastRun(), started, started.plus(settings.lease()))) {
      return Optional.empty();
    }
    AtomicBoolean alive = new AtomicBoolean(true);
    Run[] current = new Run[1];
    long every = Math.max(100, settings.lease().toMillis() / 3);
    ScheduledFuture<?> beat =
        heartbeats.scheduleWithFixedDelay(
            () -> {
              try {
                Instant now = clock.instant();
                String progress = current[0] == null ? "starting" : current[0].progress();
                if (!store.heartbeat(name, holder, now, now.plus(settings.lease()), progress)) {
                  alive.set(false);
                }
              } catch (ImporterException e) {
                log.warn("importer {}: heartbeat failed: {}", name, e.getMessage());
              }
            },
            every,
            every,
            TimeUnit.MILLISECONDS);
    RunReport report;
    try {
      ImporterDefinition definition = importer.definition();
      Run run =
          new Run(name, holder, definition, store, sink, store.markers(name), alive::get, started);
      current[0] = run;
      report = walk(run, definition);
    } catch (InvalidImporterException e) {
      report =
          new RunReport(
              0,
              name,
              started,
              clock.instant(),
              RunReport.Outcome.FAILED,
              0,
              0,
              0,
              0,
              0,
              Optional.of(e.getMessage()),
              List.of());
    } finally {
      beat.cancel(false);
    }
    RunReport stored = store.finish(holder, report, settings.reportsKept());
    log.info(
        "importer {}: {} (stored {}, duplicate {}, rejected {}, failed {}, skipped {}){}",
        name,
        stored.outcome().name().toLowerCase(java.util.Locale.ROOT),
        stored.stored(),
        stored.duplicate(),
        stored.rejected(),
        stored.failed(),
        stored.skipped(),
        stored.error().map(e -> ": " + e).orElse(""));
    return Optional.of(stored);
  }

  private RunReport walk(Run run, ImporterDefinition definition) throws ImporterException {
    try {
      Source source = Sources.of(definition, settings, http);
      source.walk(run);
      return run.report(clock, RunReport.Outcome.COMPLETED, Optional.empty());
    } catch (RunInterruptedException e) {
      return run.report(clock, RunReport.Outcome.INTERRUPTED, Optional.of(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return run.report(
          clock, RunReport.Outcome.INTERRUPTED, Optional.of("the process is stopping"));
    } catch (IOException | InvalidImporterException e) {
      return run.report(clock, RunReport.Outcome.FAILED, Optional.of(message(e)));
    } catch (ImporterException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("importer {}: run failed", run.definition().source(), e);
      return run.report(clock, RunReport.Outcome.FAILED, Optional.of(message(e)));
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void check(JsonNode configuration) throws InvalidImporterException {
    Sources.check(ImporterDefinition.parse(configuration), settings);
  }

  private static void checkName(String name) throws InvalidImporterException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidImporterException(
          "an importer name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
  }
}
