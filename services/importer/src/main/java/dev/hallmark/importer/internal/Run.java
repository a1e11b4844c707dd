package dev.hallmark.importer.internal;

import dev.hallmark.importer.DocumentSink;
import dev.hallmark.importer.DocumentType;
import dev.hallmark.importer.ImporterDefinition;
import dev.hallmark.importer.ImporterException;
import dev.hallmark.importer.Outcome;
import dev.hallmark.importer.RunReport;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * One run of one importer as its source sees it: what was done before (markers), where documents
 * go, and the tally for the report. Every document's outcome is recorded as it happens, so an
 * interrupted run loses nothing that was done.
 */
public final class Run {
  private final String importer;
  private final String holder;
  private final ImporterDefinition definition;
  private final ImporterStore store;
  private final DocumentSink sink;
  private final Map<String, String> markers;
  private final BooleanSupplier alive;
  private final Instant started;
  private final List<RunReport.Message> messages = new ArrayList<>();
  private volatile String progress = "starting";
  private int stored;
  private int duplicate;
  private int rejected;
  private int failed;
  private int skipped;

  public Run(
      String importer,
      String holder,
      ImporterDefinition definition,
      ImporterStore store,
      DocumentSink sink,
      Map<String, String> markers,
      BooleanSupplier alive,
      Instant started) {
    this.importer = importer;
    this.holder = holder;
    this.definition = definition;
    this.store = store;
    this.sink = sink;
    this.markers = markers;
    this.alive = alive;
    this.started = started;
  }

  public ImporterDefinition definition() {
    return definition;
  }

  /** The marker stored for {@code item} by an earlier run, if any. */
  public Optional<String> marker(String item) {
    return Optional.ofNullable(markers.get(item));
  }

  /** True (and counted as skipped) if {@code item} was done with this {@code marker} before. */
  public boolean unchanged(String item, String marker) {
    if (marker.equals(markers.get(item))) {
      skipped++;
      return true;
    }
    return false;
  }

  /** Throws if the run must stop. Sources call it before each document. */
  public void checkAlive() throws RunInterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new RunInterruptedException("the process is stopping");
    }
    if (!alive.getAsBoolean()) {
      throw new RunInterruptedException("the run lease was lost (taken over or deleted)");
    }
  }

  /** What the run is doing, shown by the API while it runs. */
  public void progress(String text) {
    progress = text;
  }

  public String progress() {
    return progress;
  }

  /**
   * Hands a document to the sink; stored, duplicate and rejected documents are recorded as done
   * with {@code marker}; a sink that is unavailable fails the document (tried again next run).
   */
  public void ingest(String item, String marker, String name, byte[] bytes)
      throws RunInterruptedException, ImporterException {
    checkAlive();
    DocumentType type = definition.documents();
    Outcome outcome;
    try {
      outcome = sink.ingest(type, bytes, name, labels(name));
    } catch (IOException e) {
      failed(item, "not stored: " + e.getMessage());
      return;
    }
    switch (outcome.status()) {
      case STORED -> stored++;
      case DUPLICATE -> duplicate++;
      case REJECTED -> {
        rejected++;
        message(item, "rejected", outcome.reason());
      }
    }
    done(item, marker);
  }

  /** Records {@code item} as refused without asking the sink (e.g. too large). */
  public void rejected(String item, String marker, String reason)
      throws RunInterruptedException, ImporterException {
    rejected++;
    message(item, "rejected", reason);
    done(item, marker);
  }

  /** Records {@code item} as done with a new marker without importing it (unchanged content). */
  public void skipped(String item, String marker)
      throws RunInterruptedException, ImporterException {
    skipped++;
    done(item, marker);
  }

  /** A document could not be fetched or checked; it stays undone and is tried next run. */
  public void failed(String item, String message) {
    failed++;
    message(item, "failed", message);
  }

  private void done(String item, String marker) throws RunInterruptedException, ImporterException {
    if (!store.markDone(importer, holder, item, marker)) {
      throw new RunInterruptedException("the run lease was lost (taken over or deleted)");
    }
    markers.put(item, marker);
  }

  private Map<String, String> labels(String name) {
    Map<String, String> labels = new TreeMap<>(definition.labels());
    labels.putIfAbsent("importer", importer);
    labels.putIfAbsent("source", name.length() > 256 ? name.substring(name.length() - 256) : name);
    return labels;
  }

  private void message(String item, String outcome, String message) {
    if (messages.size() < RunReport.MAX_MESSAGES) {
      messages.add(new RunReport.Message(item, outcome, message == null ? outcome : message));
    }
  }

  /** The report of the run as it stands. */
  public RunReport report(Clock clock, RunReport.Outcome outcome, Optional<String> error) {
    return new RunReport(
        0,
        importer,
        started,
        clock.instant(),
        outcome,
        stored,
        duplicate,
        rejected,
        failed,
        skipped,
        error,
        messages);
  }
}
