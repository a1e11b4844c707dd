package dev.hallmark.tlog;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.ProofBuilder;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.core.note.NoteSigner;
import dev.hallmark.tlog.internal.sequencer.Published;
import dev.hallmark.tlog.internal.sequencer.Sequenced;
import dev.hallmark.tlog.internal.sequencer.Sequencer;
import dev.hallmark.tlog.internal.storage.EntryRef;
import dev.hallmark.tlog.internal.storage.LogStorage;
import dev.hallmark.tlog.internal.storage.NewEntry;
import dev.hallmark.tlog.internal.storage.StorageException;
import dev.hallmark.tlog.internal.storage.StoredEntry;
import dev.hallmark.tlog.internal.tiles.TileCache;
import dev.hallmark.tlog.internal.tiles.TileUnavailableException;
import dev.hallmark.tlog.internal.tiles.Tiles;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One append-only log hosted by the engine: add entries, read signed checkpoints, tiles, entry
 * bundles and proofs. Thread-safe. Every read is answered from a signed checkpoint: nothing beyond
 * the latest checkpoint is ever served.
 */
public final class TransparencyLog implements AutoCloseable {
  private final String name;
  private final int logId;
  private final long treeId;
  private final String origin;
  private final NoteSigner signer;
  private final LogStorage storage;
  private final TileCache tiles;
  private final Sequencer sequencer;
  private final BundleCache bundles;
  private EdgeBundle edgeBundle;

  TransparencyLog(
      String name,
      int logId,
      long treeId,
      String origin,
      NoteSigner signer,
      LogStorage storage,
      TileCache tiles,
      Sequencer sequencer) {
    this.name = name;
    this.logId = logId;
    this.treeId = treeId;
    this.origin = origin;
    this.signer = signer;
    this.storage = storage;
    this.tiles = tiles;
    this.sequencer = sequencer;
    this.bundles = new BundleCache(1024);
  }

  public String name() {
    return name;
  }

  public String origin() {
    return origin;
  }

  /** The log's tree ID (random, fixed at creation; part of Rekor v1 origins and entry IDs). */
  public long treeId() {
    return treeId;
  }

  public NoteSigner signer() {
    return signer;
  }

  /**
   * Adds an entry (its canonical body). Completes once a signed checkpoint covers it, with the
   * inclusion proof against that checkpoint; an identical body already in the log completes with
   * the existing index. Fails with {@link LogUnavailableException} when the log cannot take it.
   */
  public CompletableFuture<Appended> append(byte[] body) {
    return append(body, List.of());
  }

  /**
   * Adds an entry that {@link #search} finds under each of {@code searchKeys}, stored in the same
   * transaction as the entry.
   */
  public CompletableFuture<Appended> append(byte[] body, List<String> searchKeys) {
    return append(body, searchKeys, null);
  }

  /**
   * Adds an entry with extra data stored beside it, not hashed (a CT log's certificate chain),
   * readable through {@link #entries}.
   */
  public CompletableFuture<Appended> append(byte[] body, List<String> searchKeys, byte[] extra) {
    if (body.length > 65535) {
      return CompletableFuture.failedFuture(new EntryTooLargeException(body.length));
    }
    byte[] copy = body.clone();
    return sequencer
        .submit(
            new NewEntry(
                Rfc6962.leafHash(copy), copy, searchKeys, extra == null ? null : extra.clone()))
        .thenApply(s -> appended(s, copy));
  }

  /**
   * Entries [from, to) covered by the latest checkpoint, with their extra data; at most {@code max}
   * of them.
   */
  public List<LoggedData> entries(long from, long to, int max) throws LogUnavailableException {
    Published p = published();
    long end = Math.min(Math.min(to, p.snapshot().size()), from + max);
    if (from < 0 || from >= end) {
      return List.of();
    }
    try {
      return storage.storedEntries(logId, from, end).stream()
          .map(e -> new LoggedData(e.index(), e.body(), e.integratedTime(), e.extra()))
          .toList();
    } catch (StorageException e) {
      throw new LogUnavailableException("cannot read entries", e);
    }
  }

  private static Appended appended(Sequenced s, byte[] body) {
    Published p = s.published();
    List<Hash> proof;
    try {
      proof = new ProofBuilder(p.tree()).inclusionProof(s.index(), p.snapshot().size());
    } catch (TileUnavailableException e) {
      throw new CompletionException(new LogUnavailableException("cannot build proof", e));
    }
    return new Appended(s.index(), s.integratedTime(), s.duplicate(), body, p.snapshot(), proof);
  }

  /** The latest signed checkpoint. */
  public LogSnapshot latest() throws LogUnavailableException {
    Published p = sequencer.published();
    if (p == null) {
      throw new LogUnavailableException("the log has not signed its first checkpoint yet");
    }
    return p.snapshot();
  }

  /** True while the sequencer runs (it stops for good after an integrity failure). */
  public boolean healthy() {
    return sequencer.failure() == null;
  }

  /** True once a signed checkpoint is available to serve. */
  public boolean ready() {
    return healthy() && sequencer.published() != null;
  }

  /**
   * A hash tile as C2SP tlog-tiles serves it: {@code width} 256 for a full tile, 1..255 for a
   * partial one. Empty if no signed checkpoint implies that tile at that width.
   */
  public Optional<byte[]> tile(int level, long index, int width) throws LogUnavailableException {
    Published p = published();
    long size = p.snapshot().size();
    if (level < 0 || level > 7 || width < 1 || width > 256 || index < 0) {
      return Optional.empty();
    }
    int available = Tiles.widthAt(size, level, index);
    // A narrower width is a prefix of the same tile: hashes below the width never change.
    if (available == 0 || width > available) {
      return Optional.empty();
    }
    try {
      if (available == 256) {
        byte[] full = tiles.full(level, index).hashesView();
        return Optional.of(width == 256 ? full.clone() : Arrays.copyOf(full, width * 32));
      }
      return Optional.of(Arrays.copyOf(p.tree().partialTile(level), width * 32));
    } catch (TileUnavailableException e) {
      throw new LogUnavailableException("tile unavailable", e);
    }
  }

  /**
   * An entry bundle (big-endian uint16 length + body per entry) for the entries of level-0 tile
   * {@code index}, at {@code width} entries.
   */
  public Optional<byte[]> entryBundle(long index, int width) throws LogUnavailableException {
    Published p = published();
    int available = Tiles.widthAt(p.snapshot().size(), 0, index);
    if (index < 0 || width < 1 || width > 256 || available == 0 || width > available) {
      return Optional.empty();
    }
    byte[] encoded = available == 256 ? bundles.get(index) : edgeBundle(index, available);
    if (encoded == null) {
      encoded = encodeBundle(readEntries(index * 256, index * 256 + 256), 256);
      bundles.put(index, encoded);
    }
    return Optional.of(width == available ? encoded : prefix(encoded, width));
  }

  /**
   * The right-edge bundle, extended incrementally: monitors poll it as the log grows, so only the
   * entries added since the last read are fetched.
   */
  private byte[] edgeBundle(long index, int count) throws LogUnavailableException {
    synchronized (this) {
      EdgeBundle cached = edgeBundle;
      if (cached != null && cached.index() == index && cached.count() >= count) {
        return cached.count() == count ? cached.bytes() : prefix(cached.bytes(), count);
      }
      int have = cached != null && cached.index() == index ? cached.count() : 0;
      byte[] head = have > 0 ? cached.bytes() : new byte[0];
      byte[] tail =
          encodeBundle(readEntries(index * 256 + have, index * 256 + count), count - have);
      byte[] bytes = Arrays.copyOf(head, head.length + tail.length);
      System.arraycopy(tail, 0, bytes, head.length, tail.length);
      edgeBundle = new EdgeBundle(index, count, bytes);
      return bytes;
    }
  }

  private record EdgeBundle(long index, int count, byte[] bytes) {}

  private List<byte[]> readEntries(long from, long to) throws LogUnavailableException {
    try {
      List<byte[]> bodies = storage.entries(logId, from, to);
      if (bodies.size() != to - from) {
        throw new LogUnavailableException("entries " + from + ".." + to + " are missing");
      }
      return bodies;
    } catch (StorageException e) {
      throw new LogUnavailableException("cannot read entries", e);
    }
  }

  private static byte[] encodeBundle(List<byte[]> bodies, int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      byte[] b = bodies.get(i);
      out.write(b.length >>> 8);
      out.write(b.length & 0xff);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  private static byte[] prefix(byte[] bundle, int entries) {
    int pos = 0;
    for (int i = 0; i < entries; i++) {
      int len = ((bundle[pos] & 0xff) << 8) | (bundle[pos + 1] & 0xff);
      pos += 2 + len;
    }
    return Arrays.copyOf(bundle, pos);
  }

  /**
   * The entry at {@code index} with its inclusion proof against the latest checkpoint; empty if no
   * signed checkpoint covers that index.
   */
  public Optional<Appended> entry(long index) throws LogUnavailableException {
    Published p = published();
    if (index < 0 || index >= p.snapshot().size()) {
      return Optional.empty();
    }
    try {
      StoredEntry stored =
          storage
              .entry(logId, index)
              .orElseThrow(() -> new LogUnavailableException("entry " + index + " is missing"));
      return Optional.of(
          appended(new Sequenced(index, stored.integratedTime(), false, p), stored.body()));
    } catch (StorageException e) {
      throw new LogUnavailableException("cannot read entry " + index, e);
    } catch (CompletionException e) {
      throw new LogUnavailableException("cannot build proof for entry " + index, e.getCause());
    }
  }

  /** The entry whose leaf hash (Rekor v1 UUID) is {@code leafHash}, if a checkpoint covers it. */
  public Optional<Appended> entryByLeafHash(Hash leafHash) throws LogUnavailableException {
    try {
      EntryRef ref = storage.find(logId, List.of(leafHash)).get(leafHash);
      return ref == null ? Optional.empty() : entry(ref.index());
    } catch (StorageException e) {
      throw new LogUnavailableException("cannot look up entry", e);
    }
  }

  /**
   * Indexes of entries (covered by the latest checkpoint, ascending, at most {@code limit}) stored
   * with all ({@code all}) or any of {@code keys}.
   */
  public List<Long> search(List<String> keys, boolean all, int limit)
      throws LogUnavailableException {
    Published p = published();
    try {
      return storage.search(logId, keys, all, p.snapshot().size(), limit);
    } catch (StorageException e) {
      throw new LogUnavailableException("cannot search the log", e);
    }
  }

  /** Inclusion proof of entry {@code index} in the tree of {@code size} (at most the latest). */
  public List<Hash> inclusionProof(long index, long size) throws LogUnavailableException {
    Published p = published();
    if (size > p.snapshot().size() || index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "no proof for index "
              + index
              + " in size "
              + size
              + " (log size "
              + p.snapshot().size()
              + ")");
    }
    try {
      return new ProofBuilder(p.tree()).inclusionProof(index, size);
    } catch (TileUnavailableException e) {
      throw new LogUnavailableException("tiles unavailable", e);
    }
  }

  /** The root of the tree at {@code size} (at most the latest signed size). */
  public Hash rootAt(long size) throws LogUnavailableException {
    Published p = published();
    if (size < 0 || size > p.snapshot().size()) {
      throw new IllegalArgumentException(
          "size " + size + " is beyond the log size " + p.snapshot().size());
    }
    try {
      return new ProofBuilder(p.tree()).root(size);
    } catch (TileUnavailableException e) {
      throw new LogUnavailableException("tiles unavailable", e);
    }
  }

  /** Consistency proof between two sizes, both at most the latest. */
  public List<Hash> consistencyProof(long size1, long size2) throws LogUnavailableException {
    Published p = published();
    if (size2 > p.snapshot().size() || size1 < 1 || size1 > size2) {
      throw new IllegalArgumentException(
          "no consistency proof from "
              + size1
              + " to "
              + size2
              + " (log size "
              + p.snapshot().size()
              + ")");
    }
    try {
      return new ProofBuilder(p.tree()).consistencyProof(size1, size2);
    } catch (TileUnavailableException e) {
      throw new LogUnavailableException("tiles unavailable", e);
    }
  }

  private Published published() throws LogUnavailableException {
    Published p = sequencer.published();
    if (p == null) {
      throw new LogUnavailableException("the log has not signed its first checkpoint yet");
    }
    return p;
  }

  @Override
  public void close() {
    sequencer.close();
  }
}
