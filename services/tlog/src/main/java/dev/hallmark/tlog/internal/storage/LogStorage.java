package dev.hallmark.tlog.internal.storage;

import dev.hallmark.core.merkle.Hash;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * What the log engine needs from its database. Every method is one transaction.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #appendBatch} is atomic and durable when it returns: either every entry and tile of
 *       the batch is stored and {@code persisted_size} advanced, or nothing changed. It fails with
 *       {@link LeaseLostException} unless the caller still holds the lease (fencing by epoch).
 *   <li>{@link #casCheckpoint} replaces the last signed checkpoint only if it is still the one the
 *       caller based its work on, and only for the lease holder: no two writers can fork.
 *   <li>Nobody retries inside storage; the sequencer decides (it reloads its state from storage).
 *   <li>Readers may see entries and tiles beyond the last checkpoint; they must only serve what a
 *       signed checkpoint covers.
 * </ul>
 */
public interface LogStorage {

  /**
   * Registers the log if absent (with tree ID {@code newTreeId}) and returns its state; the origin,
   * computed from the stored tree ID, must match that of an existing log.
   */
  LogState open(String name, LongFunction<String> originForTreeId, long newTreeId)
      throws StorageException;

  LogState state(int logId) throws StorageException;

  /**
   * Takes or renews the sequencing lease. Returns the epoch held, or empty when another live holder
   * has it. A new holder gets a new epoch; renewal keeps it.
   */
  Optional<Long> acquireLease(int logId, String holder, long ttlMillis) throws StorageException;

  void releaseLease(int logId, String holder) throws StorageException;

  /**
   * See the class contract. Stores each entry's search keys and deletes {@code pendingIds} in the
   * same transaction; {@code integratedTime} (epoch seconds) is recorded for every entry.
   */
  void appendBatch(
      int logId,
      String holder,
      long epoch,
      long firstIndex,
      long integratedTime,
      List<NewEntry> entries,
      List<TileRow> tiles,
      List<Long> pendingIds)
      throws StorageException, LeaseLostException;

  /** Compare-and-swap of the signed checkpoint; false if the state or lease moved on. */
  boolean casCheckpoint(
      int logId,
      String holder,
      long epoch,
      long expectedSize,
      long newSize,
      Hash root,
      String checkpoint)
      throws StorageException;

  /** Entries with these leaf hashes (absent ones are not in the map). */
  Map<Hash, EntryRef> find(int logId, Collection<Hash> leafHashes) throws StorageException;

  /** The entry at {@code index}, if stored. */
  Optional<StoredEntry> entry(int logId, long index) throws StorageException;

  /**
   * Indexes (ascending, below {@code belowSize}, at most {@code limit}) of entries having all
   * ({@code all}) or any of the search keys.
   */
  List<Long> search(int logId, List<String> keys, boolean all, long belowSize, int limit)
      throws StorageException;

  /** The stored tile or empty; may be longer than the width a given checkpoint implies. */
  Optional<byte[]> tile(int logId, int level, long index) throws StorageException;

  /** Several tiles at once (missing ones are absent from the result). */
  Map<TileKey, byte[]> tiles(int logId, Collection<TileKey> keys) throws StorageException;

  /** Bodies of entries [from, to) in index order; fewer if the log is shorter. */
  List<byte[]> entries(int logId, long from, long to) throws StorageException;

  /** Entries [from, to) with their extra data, in index order; fewer if the log is shorter. */
  List<StoredEntry> storedEntries(int logId, long from, long to) throws StorageException;

  void addPending(int logId, List<NewEntry> entries) throws StorageException;

  List<PendingEntry> pending(int logId, int limit) throws StorageException;
}
