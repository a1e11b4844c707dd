package dev.hallmark.tlog.internal.sequencer;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.ProofBuilder;
import dev.hallmark.core.note.NoteSigner;
import dev.hallmark.tlog.LogSettings;
import dev.hallmark.tlog.LogSnapshot;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.internal.storage.EntryRef;
import dev.hallmark.tlog.internal.storage.LeaseLostException;
import dev.hallmark.tlog.internal.storage.LogState;
import dev.hallmark.tlog.internal.storage.LogStorage;
import dev.hallmark.tlog.internal.storage.NewEntry;
import dev.hallmark.tlog.internal.storage.PendingEntry;
import dev.hallmark.tlog.internal.storage.StorageException;
import dev.hallmark.tlog.internal.storage.TileKey;
import dev.hallmark.tlog.internal.storage.TileRow;
import dev.hallmark.tlog.internal.tiles.RightEdge;
import dev.hallmark.tlog.internal.tiles.TileCache;
import dev.hallmark.tlog.internal.tiles.TileTree;
import dev.hallmark.tlog.internal.tiles.TileUnavailableException;
import dev.hallmark.tlog.internal.tiles.TreeView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns submissions into log entries, one batch at a time, on one thread per log and process.
 *
 * <p>Only the holder of the log's lease sequences. For each batch it: drops entries already in the
 * log (by leaf hash), assigns indexes, writes entries and tiles in one durable transaction, reads
 * them back and re-derives the root from the persisted bytes, proves the new tree consistent with
 * the last signed checkpoint, signs, compare-and-swaps the checkpoint, and only then completes the
 * waiting submissions. A process without the lease hands its submissions to the holder through
 * storage and waits for them to appear under a signed checkpoint.
 */
public final class Sequencer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
  private static final long HANDOVER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long FOLLOWER_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long PENDING_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final LogStorage storage;
  private final int logId;
  private final String origin;
  private final NoteSigner signer;
  private final String holder;
  private final LogSettings settings;
  private final TileCache tiles;
  private final Executor completions;
  private final Clock clock;
  private final BlockingQueue<Submission> queue;
  private final HandOver handedOver;
  private final PersistedTree persisted;
  private final Thread thread;
  private final Timer batchTimer;
  private final Counter entriesCounter;

  private volatile Published published;
  private volatile boolean running = true;
  private volatile String failure;
  private long epoch = -1;
  private RightEdge edge;
  private long nextLeaseCheck;
  private long nextRefresh;
  private long nextPendingPoll;
  private boolean needsCheckpoint;

  public Sequencer(
      LogStorage storage,
      LogState state,
      NoteSigner signer,
      String holder,
      LogSettings settings,
      TileCache tiles,
      Executor completions,
      Clock clock,
      MeterRegistry metrics)
      throws StorageException {
    this.storage = storage;
    this.logId = state.logId();
    this.origin = state.origin();
    this.signer = signer;
    this.holder = holder;
    this.settings = settings;
    this.tiles = tiles;
    this.completions = completions;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.handedOver = new HandOver(storage, logId, completions);
    this.persisted = new PersistedTree(storage, logId, tiles);
    this.batchTimer =
        Timer.builder("hallmark_tlog_batch_seconds")
            .tag("log", state.name())
            .publishPercentileHistogram()
            .register(metrics);
    this.entriesCounter =
        Counter.builder("hallmark_tlog_entries_total").tag("log", state.name()).register(metrics);
    metrics.gauge(
        "hallmark_tlog_tree_size",
        List.of(Tag.of("log", state.name())),
        this,
        s -> s.published == null ? 0 : s.published.snapshot().size());
    if (state.checkpoint() != null) {
      this.published = persisted.load(state);
    }
    this.thread = new Thread(this::run, "sequencer-" + state.name());
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** The latest signed state, or null before the log's first checkpoint exists. */
  public Published published() {
    return published;
  }

  /** Why the sequencer stopped, or null while it runs. */
  public String failure() {
    return failure;
  }

  public boolean leading() {
    return epoch >= 0;
  }

  /** Queues an entry; the future completes once a signed checkpoint covers it. */
  public CompletableFuture<Sequenced> submit(NewEntry entry) {
    CompletableFuture<Sequenced> result = new CompletableFuture<>();
    if (failure != null || !running) {
      result.completeExceptionally(new LogUnavailableException("log is stopped: " + failure));
      return result;
    }
    long deadline = System.nanoTime() + settings.handoverTimeout().toNanos();
    if (!queue.offer(new Submission(entry, result, deadline))) {
      result.completeExceptionally(
          new LogUnavailableException("log is overloaded (" + queue.size() + " queued)"));
    }
    return result;
  }

  private void run() {
    while (running) {
      List<Submission> batch = List.of();
      try {
        maintainLease();
        batch = collect();
        if (epoch >= 0) {
          List<PendingEntry> pending = List.of();
          if (System.nanoTime() >= nextPendingPoll) {
            pending = storage.pending(logId, Math.max(1, settings.batchSize() - batch.size()));
            nextPendingPoll = System.nanoTime() + PENDING_POLL_NANOS;
          }
          if (!batch.isEmpty() || !pending.isEmpty() || needsCheckpoint) {
            integrate(batch, pending);
          }
          if (!handedOver.isEmpty()) {
            followLeader(); // submissions handed over before this process took the lease
          }
        } else {
          handedOver.add(batch);
          followLeader();
        }
      } catch (LeaseLostException e) {
        log.warn("log {}: lost the sequencing lease: {}", origin, e.getMessage());
        epoch = -1;
        nextLeaseCheck = 0;
        failAll(batch, new LogUnavailableException("log leadership changed, retry", e));
      } catch (StorageException | TileUnavailableException e) {
        log.warn("log {}: storage failure, will reload: {}", origin, e.toString());
        epoch = -1;
        nextLeaseCheck = 0;
        failAll(batch, new LogUnavailableException("log storage failed, retry", e));
        pause(200);
      } catch (IntegrityException e) {
        failure = e.getMessage();
        log.error("log {}: integrity failure, sequencing stopped: {}", origin, e.getMessage());
        failAll(batch, new LogUnavailableException("log stopped: " + e.getMessage()));
        running = false;
      } catch (RuntimeException e) {
        log.error("log {}: unexpected sequencer failure", origin, e);
        epoch = -1;
        nextLeaseCheck = 0;
        failAll(batch, new LogUnavailableException("log failed, retry", e));
        pause(200);
      }
    }
    List<Submission> rest = new ArrayList<>();
    queue.drainTo(rest);
    failAll(rest, new LogUnavailableException("log is shutting down: " + failure));
    handedOver.failAll(new LogUnavailableException("log is shutting down"));
  }

  private void maintainLease() throws StorageException {
    long now = System.nanoTime();
    if (now < nextLeaseCheck) {
      return;
    }
    long ttl = settings.leaseTtl().toMillis();
    nextLeaseCheck = now + TimeUnit.MILLISECONDS.toNanos(ttl / 3);
    var acquired = storage.acquireLease(logId, holder, ttl);
    if (acquired.isEmpty()) {
      if (epoch >= 0) {
        log.warn("log {}: sequencing lease taken by another process", origin);
      }
      epoch = -1;
      return;
    }
    if (acquired.get() != epoch) {
      epoch = acquired.get();
      becomeLeader();
    }
  }

  private void becomeLeader() throws StorageException {
    LogState state = storage.state(logId);
    Map<TileKey, byte[]> stored =
        storage.tiles(logId, PersistedTree.edgeKeys(state.persistedSize()));
    edge = RightEdge.load(state.persistedSize(), stored::get);
    published = state.checkpoint() == null ? null : persisted.load(state);
    needsCheckpoint = state.checkpoint() == null || state.persistedSize() != state.checkpointSize();
    log.info(
        "log {}: sequencing (epoch {}, {} entries durable, checkpoint at {})",
        origin,
        epoch,
        state.persistedSize(),
        state.checkpointSize());
  }

  private List<Submission> collect() {
    List<Submission> batch = new ArrayList<>();
    try {
      Submission first =
          queue.poll(epoch >= 0 ? 5 : (handedOver.isEmpty() ? 50 : 2), TimeUnit.MILLISECONDS);
      if (first == null) {
        return batch;
      }
      batch.add(first);
      long deadline = System.nanoTime() + settings.maxDelay().toNanos();
      while (batch.size() < settings.batchSize()) {
        int drained = queue.drainTo(batch, settings.batchSize() - batch.size());
        if (drained == 0) {
          long wait = deadline - System.nanoTime();
          if (wait <= 0) {
            break;
          }
          Submission next = queue.poll(wait, TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
    return batch;
  }

  private void integrate(List<Submission> batch, List<PendingEntry> pending)
      throws StorageException, LeaseLostException, IntegrityException {
    long started = System.nanoTime();
    Map<Hash, List<Submission>> byLeaf = new LinkedHashMap<>();
    Map<Hash, NewEntry> entries = new LinkedHashMap<>();
    for (PendingEntry p : pending) {
      byLeaf.computeIfAbsent(p.entry().leafHash(), h -> new ArrayList<>());
      entries.putIfAbsent(p.entry().leafHash(), p.entry());
    }
    for (Submission s : batch) {
      byLeaf.computeIfAbsent(s.entry().leafHash(), h -> new ArrayList<>()).add(s);
      entries.putIfAbsent(s.entry().leafHash(), s.entry());
    }
    Map<Hash, EntryRef> existing = storage.find(logId, byLeaf.keySet());
    List<NewEntry> fresh = new ArrayList<>();
    for (NewEntry e : entries.values()) {
      if (!existing.containsKey(e.leafHash())) {
        fresh.add(e);
      }
    }
    long first = edge.size();
    long now = clock.instant().getEpochSecond();
    for (NewEntry e : fresh) {
      edge.append(e.leafHash().toBytes());
    }
    List<TileRow> dirty = edge.drainDirty();
    Map<TileKey, TileTree> completed = edge.drainCompletedTrees();
    List<Long> pendingIds = new ArrayList<>();
    pending.forEach(p -> pendingIds.add(p.id()));
    try {
      storage.appendBatch(logId, holder, epoch, first, now, fresh, dirty, pendingIds);
    } catch (StorageException | LeaseLostException e) {
      epoch = -1; // the in-memory edge may be ahead of storage: reload on re-acquire
      throw e;
    }
    long size = edge.size();
    TreeView tree = persisted.readBack(first, fresh, dirty, size);
    completed.forEach((k, t) -> tiles.put(k.level(), k.index(), t));
    ProofBuilder proofs = new ProofBuilder(tree);
    Hash root = proofs.root(size);
    Published previous = published;
    if (previous != null && previous.snapshot().size() == size && !needsCheckpoint) {
      complete(byLeaf, existing, first, now, previous);
      return;
    }
    CheckpointSigning.proveConsistent(
        previous == null ? null : previous.snapshot(), size, root, proofs);
    String note = CheckpointSigning.sign(origin, size, root, signer);
    long expected = previous == null ? 0 : previous.snapshot().size();
    if (!storage.casCheckpoint(logId, holder, epoch, expected, size, root, note)) {
      epoch = -1;
      throw new LeaseLostException("checkpoint moved on under this sequencer");
    }
    Published next = new Published(new LogSnapshot(size, root, note), tree);
    published = next;
    needsCheckpoint = false;
    entriesCounter.increment(fresh.size());
    batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    complete(byLeaf, existing, first, now, next);
  }

  private void complete(
      Map<Hash, List<Submission>> byLeaf,
      Map<Hash, EntryRef> existing,
      long first,
      long integratedTime,
      Published p) {
    long next = first;
    for (Map.Entry<Hash, List<Submission>> e : byLeaf.entrySet()) {
      EntryRef old = existing.get(e.getKey());
      Sequenced result =
          old != null
              ? new Sequenced(old.index(), old.integratedTime(), true, p)
              : new Sequenced(next++, integratedTime, false, p);
      for (Submission s : e.getValue()) {
        completions.execute(() -> s.result().complete(result));
      }
    }
  }

  /** Keeps the published state fresh when another process sequences; answers handed-over work. */
  private void followLeader() throws StorageException {
    long now = System.nanoTime();
    boolean waiting = !handedOver.isEmpty();
    if (now < nextRefresh && !waiting) {
      return;
    }
    nextRefresh = now + (waiting ? HANDOVER_POLL_NANOS : FOLLOWER_REFRESH_NANOS);
    if (epoch < 0) {
      LogState state = storage.state(logId);
      Published current = published;
      if (state.checkpoint() != null
          && (current == null || current.snapshot().size() != state.checkpointSize())) {
        published = persisted.load(state);
      }
    }
    handedOver.resolve(published, now);
  }

  private void failAll(List<Submission> batch, Throwable error) {
    for (Submission s : batch) {
      s.result().completeExceptionally(error);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops sequencing, fails what is queued, and gives up the lease for a fast fail-over. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (epoch >= 0) {
      try {
        storage.releaseLease(logId, holder);
      } catch (StorageException e) {
        log.warn("log {}: could not release the lease: {}", origin, e.toString());
      }
    }
  }
}
