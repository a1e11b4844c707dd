package dev.hallmark.tlog;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.tlog.internal.storage.EntryRef;
import dev.hallmark.tlog.internal.storage.LeaseLostException;
import dev.hallmark.tlog.internal.storage.LogState;
import dev.hallmark.tlog.internal.storage.LogStorage;
import dev.hallmark.tlog.internal.storage.NewEntry;
import dev.hallmark.tlog.internal.storage.PendingEntry;
import dev.hallmark.tlog.internal.storage.StorageException;
import dev.hallmark.tlog.internal.storage.StoredEntry;
import dev.hallmark.tlog.internal.storage.TileKey;
import dev.hallmark.tlog.internal.storage.TileRow;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/** Storage that fails on demand, around a real one, to test every failure point of a batch. */
final class FaultyStorage implements LogStorage {
  enum Fault {
    NONE,
    BEFORE_APPEND,
    AFTER_APPEND_COMMIT,
    CAS,
    CORRUPT_TILE_READ
  }

  private final LogStorage real;
  volatile Fault fault = Fault.NONE;
  volatile int remaining;

  FaultyStorage(LogStorage real) {
    this.real = real;
  }

  void failNext(Fault f, int times) {
    remaining = times;
    fault = f;
  }

  private boolean trip(Fault f) {
    if (fault == f && remaining > 0) {
      if (--remaining == 0) {
        fault = Fault.NONE;
      }
      return true;
    }
    return false;
  }

  @Override
  public LogState open(String name, LongFunction<String> originForTreeId, long newTreeId)
      throws StorageException {
    return real.open(name, originForTreeId, newTreeId);
  }

  @Override
  public LogState state(int logId) throws StorageException {
    return real.state(logId);
  }

  @Override
  public Optional<Long> acquireLease(int logId, String holder, long ttlMillis)
      throws StorageException {
    return real.acquireLease(logId, holder, ttlMillis);
  }

  @Override
  public void releaseLease(int logId, String holder) throws StorageException {
    real.releaseLease(logId, holder);
  }

  @Override
  public void appendBatch(
      int logId,
      String holder,
      long epoch,
      long firstIndex,
      long integratedTime,
      List<NewEntry> entries,
      List<TileRow> tiles,
      List<Long> pendingIds)
      throws StorageException, LeaseLostException {
    if (trip(Fault.BEFORE_APPEND)) {
      throw new StorageException("injected: connection lost before the batch");
    }
    real.appendBatch(logId, holder, epoch, firstIndex, integratedTime, entries, tiles, pendingIds);
    if (trip(Fault.AFTER_APPEND_COMMIT)) {
      throw new StorageException("injected: commit succeeded but the answer was lost");
    }
  }

  @Override
  public boolean casCheckpoint(
      int logId,
      String holder,
      long epoch,
      long expectedSize,
      long newSize,
      Hash root,
      String checkpoint)
      throws StorageException {
    if (trip(Fault.CAS)) {
      throw new StorageException("injected: failure storing the checkpoint");
    }
    return real.casCheckpoint(logId, holder, epoch, expectedSize, newSize, root, checkpoint);
  }

  @Override
  public Map<Hash, EntryRef> find(int logId, Collection<Hash> leafHashes) throws StorageException {
    return real.find(logId, leafHashes);
  }

  @Override
  public Optional<StoredEntry> entry(int logId, long index) throws StorageException {
    return real.entry(logId, index);
  }

  @Override
  public List<Long> search(int logId, List<String> keys, boolean all, long belowSize, int limit)
      throws StorageException {
    return real.search(logId, keys, all, belowSize, limit);
  }

  @Override
  public Optional<byte[]> tile(int logId, int level, long index) throws StorageException {
    return real.tile(logId, level, index);
  }

  @Override
  public Map<TileKey, byte[]> tiles(int logId, Collection<TileKey> keys) throws StorageException {
    Map<TileKey, byte[]> found = real.tiles(logId, keys);
    if (fault == Fault.CORRUPT_TILE_READ && remaining > 0) {
      UnaryOperator<byte[]> flip =
          b -> {
            byte[] c = b.clone();
            c[c.length - 1] ^= 1;
            return c;
          };
      found.replaceAll((k, v) -> k.level() == 0 ? flip.apply(v) : v);
      trip(Fault.CORRUPT_TILE_READ);
    }
    return found;
  }

  @Override
  public List<byte[]> entries(int logId, long from, long to) throws StorageException {
    return real.entries(logId, from, to);
  }

  @Override
  public List<StoredEntry> storedEntries(int logId, long from, long to) throws StorageException {
    return real.storedEntries(logId, from, to);
  }

  @Override
  public void addPending(int logId, List<NewEntry> entries) throws StorageException {
    real.addPending(logId, entries);
  }

  @Override
  public List<PendingEntry> pending(int logId, int limit) throws StorageException {
    return real.pending(logId, limit);
  }
}
