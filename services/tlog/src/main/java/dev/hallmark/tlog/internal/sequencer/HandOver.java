package dev.hallmark.tlog.internal.sequencer;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.internal.storage.EntryRef;
import dev.hallmark.tlog.internal.storage.LogStorage;
import dev.hallmark.tlog.internal.storage.NewEntry;
import dev.hallmark.tlog.internal.storage.StorageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Submissions this process gave to the lease holder through storage, waiting until a signed
 * checkpoint covers them. Owned by the sequencer thread.
 */
final class HandOver {
  private final LogStorage storage;
  private final int logId;
  private final Executor completions;
  private final Map<Hash, List<Submission>> waiting = new LinkedHashMap<>();

  HandOver(LogStorage storage, int logId, Executor completions) {
    this.storage = storage;
    this.logId = logId;
    this.completions = completions;
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }

  /** Stores the submissions for the lease holder (one row per distinct entry). */
  void add(List<Submission> batch) throws StorageException {
    List<NewEntry> entries = new ArrayList<>();
    for (Submission s : batch) {
      List<Submission> same = waiting.computeIfAbsent(s.entry().leafHash(), h -> new ArrayList<>());
      if (same.isEmpty()) {
        entries.add(s.entry());
      }
      same.add(s);
    }
    if (!entries.isEmpty()) {
      storage.addPending(logId, entries);
    }
  }

  /** Answers the submissions that {@code current} covers; times out those past their deadline. */
  void resolve(Published current, long nowNanos) throws StorageException {
    if (waiting.isEmpty()) {
      return;
    }
    Map<Hash, EntryRef> found = storage.find(logId, waiting.keySet());
    for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      EntryRef ref = found.get(e.getKey());
      if (ref != null && current != null && ref.index() < current.snapshot().size()) {
        Sequenced result = new Sequenced(ref.index(), ref.integratedTime(), false, current);
        e.getValue().forEach(s -> completions.execute(() -> s.result().complete(result)));
        it.remove();
        continue;
      }
      e.getValue()
          .removeIf(
              s -> {
                if (nowNanos - s.deadlineNanos() > 0) {
                  s.result()
                      .completeExceptionally(
                          new LogUnavailableException("timed out waiting for the sequencer"));
                  return true;
                }
                return false;
              });
      if (e.getValue().isEmpty()) {
        it.remove();
      }
    }
  }

  void failAll(Throwable error) {
    waiting.values().forEach(l -> l.forEach(s -> s.result().completeExceptionally(error)));
    waiting.clear();
  }
}
