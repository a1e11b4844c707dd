package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.TufException.Reason;
import dev.hallmark.core.tuf.internal.AtomicFiles;
import dev.hallmark.core.tuf.internal.Digests;
import dev.hallmark.core.tuf.internal.Layout;
import dev.hallmark.core.tuf.internal.Refusals;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The TUF client workflow (TUF 1.0 §5.3–5.7) over a {@link RemoteRepository}, with trusted metadata
 * cached in a directory ({@code root.json}, {@code timestamp.json}, {@code snapshot.json}, {@code
 * targets.json}, {@code targets/}) written atomically.
 *
 * <p>{@link #refresh} updates root through every new version (each signed by the previous root's
 * threshold and its own, version exactly N+1, at most {@link ClientLimits#maxRootRotations}), then
 * timestamp, snapshot and top-level targets, refusing rollbacks, expired metadata, versions that
 * disagree with the referring metadata, bad hashes and lengths and unmet thresholds with a {@link
 * TufException} naming the role and the {@link Reason}. After a change of the timestamp or snapshot
 * keys the cached timestamp and snapshot are dropped (fast-forward attack recovery). Delegated
 * targets are not followed. Not thread-safe.
 */
public final class TufClient {
  private final RemoteRepository remote;
  private final Path cacheDir;
  private final Clock clock;
  private final ClientLimits limits;
  private Metadata<Root> root;
  private Metadata<Timestamp> timestamp;
  private Metadata<Snapshot> snapshot;
  private Metadata<Targets> targets;
  private boolean refreshed;

  private TufClient(
      RemoteRepository remote,
      Path cacheDir,
      Clock clock,
      ClientLimits limits,
      Metadata<Root> root) {
    this.remote = Objects.requireNonNull(remote);
    this.cacheDir = cacheDir;
    this.clock = Objects.requireNonNull(clock);
    this.limits = Objects.requireNonNull(limits);
    this.root = root;
  }

  /**
   * Opens a client whose cache directory already holds a trusted {@code root.json}.
   *
   * @throws TufException if the cached root is malformed or not signed by its own threshold
   * @throws IOException if the cache cannot be read
   */
  public static TufClient open(
      RemoteRepository remote, Path cacheDir, Clock clock, ClientLimits limits)
      throws TufException, IOException {
    byte[] bytes = Files.readAllBytes(cacheDir.resolve("root.json"));
    return new TufClient(remote, cacheDir, clock, limits, selfSignedRoot(bytes));
  }

  /**
   * Opens a client seeded with {@code trustedRoot} (obtained out of band). A cached root of a
   * higher version, reached earlier by verified updates from a seed, is kept.
   *
   * @throws TufException if {@code trustedRoot} is malformed or not signed by its own threshold
   * @throws IOException if the cache cannot be written
   */
  public static TufClient bootstrap(
      RemoteRepository remote, Path cacheDir, Clock clock, ClientLimits limits, byte[] trustedRoot)
      throws TufException, IOException {
    Metadata<Root> seed = selfSignedRoot(trustedRoot);
    Path cached = cacheDir.resolve("root.json");
    if (Files.isRegularFile(cached)) {
      try {
        Metadata<Root> have = selfSignedRoot(Files.readAllBytes(cached));
        if (have.signed().version() >= seed.signed().version()) {
          return new TufClient(remote, cacheDir, clock, limits, have);
        }
      } catch (TufException e) {
        // a broken cache is replaced by the seed
      }
    }
    AtomicFiles.write(cached, seed.toJson());
    return new TufClient(remote, cacheDir, clock, limits, seed);
  }

  /** The trusted root (the newest verified one). */
  public Metadata<Root> trustedRoot() {
    return root;
  }

  /** The trusted top-level targets metadata, once {@link #refresh} succeeded. */
  public Optional<Metadata<Targets>> trustedTargets() {
    return refreshed ? Optional.of(targets) : Optional.empty();
  }

  /**
   * Runs the update workflow once with the clock's current time as the fixed update start time.
   *
   * @throws TufException naming the refused role and why; trusted state stays as verified so far
   * @throws IOException if the cache cannot be written
   */
  public void refresh() throws TufException, IOException {
    refreshed = false;
    Instant now = clock.instant();
    updateRoot(now);
    timestamp = cached("timestamp.json", Role.TIMESTAMP, Timestamp.class);
    snapshot = cached("snapshot.json", Role.SNAPSHOT, Snapshot.class);
    targets = cached("targets.json", Role.TARGETS, Targets.class);
    updateTimestamp(now);
    updateSnapshot(now);
    updateTargets(now);
    refreshed = true;
  }

  /**
   * Trusts the cached metadata without contacting the remote when it is complete, still signed
   * under the trusted root, consistent (each file's version, length and hashes as the referring
   * metadata gives them) and unexpired at the clock's current time; {@link #target} then serves
   * from it. For commands that must not depend on the network on every run; call {@link #refresh}
   * to pick up changes.
   *
   * @return false (and nothing changes) if the cache is not usable on its own
   * @throws IOException if the cache cannot be read
   */
  public boolean useCache() throws IOException {
    Instant now = clock.instant();
    Metadata<Timestamp> ts = cached("timestamp.json", Role.TIMESTAMP, Timestamp.class);
    Metadata<Snapshot> snap = cached("snapshot.json", Role.SNAPSHOT, Snapshot.class);
    Metadata<Targets> tgt = cached("targets.json", Role.TARGETS, Targets.class);
    if (root.signed().isExpiredAt(now) || ts == null || snap == null || tgt == null) {
      return false;
    }
    MetaFile snapMeta = ts.signed().snapshotMeta();
    MetaFile tgtMeta = snap.signed().meta().get(Snapshot.TARGETS_JSON);
    boolean consistent =
        tgtMeta != null
            && matches(snapMeta, snap, Files.readAllBytes(cacheDir.resolve("snapshot.json")))
            && matches(tgtMeta, tgt, Files.readAllBytes(cacheDir.resolve("targets.json")));
    if (!consistent
        || ts.signed().isExpiredAt(now)
        || snap.signed().isExpiredAt(now)
        || tgt.signed().isExpiredAt(now)) {
      return false;
    }
    timestamp = ts;
    snapshot = snap;
    targets = tgt;
    refreshed = true;
    return true;
  }

  private static boolean matches(MetaFile meta, Metadata<?> md, byte[] bytes) {
    return md.signed().version() == meta.version()
        && (meta.length().isEmpty() || meta.length().getAsLong() == bytes.length)
        && Digests.mismatch(meta.hashes(), bytes) == null;
  }

  /**
   * The verified content of target {@code name}, from the cache if it still matches the trusted
   * targets metadata, otherwise downloaded (from its hash-prefixed path with consistent snapshots).
   * Refreshes first if this client has not yet.
   *
   * @throws TufException with role {@code targets} for an unknown name or a bad length or hash
   * @throws IOException if the cache cannot be written
   */
  public byte[] target(String name) throws TufException, IOException {
    if (!refreshed) {
      refresh();
    }
    TargetFile entry = targets.signed().targets().get(name);
    if (entry == null) {
      throw new TufException(
          Role.TARGETS,
          Reason.UNKNOWN_TARGET,
          "version " + targets.signed().version() + " lists no target " + name);
    }
    Path local = cacheDir.resolve("targets").resolve(cacheName(name));
    if (Files.isRegularFile(local)) {
      byte[] have = Files.readAllBytes(local);
      if (have.length == entry.length() && Digests.mismatch(entry.hashes(), have) == null) {
        return have;
      }
    }
    Map<String, String> hashes = entry.hashes();
    String prefix =
        hashes.containsKey("sha256")
            ? hashes.get("sha256")
            : hashes.getOrDefault("sha512", hashes.values().iterator().next());
    String path = Layout.targetPath(name, prefix, root.signed().consistentSnapshot());
    byte[] bytes = fetchRequired(Role.TARGETS, path, entry.length());
    if (bytes.length != entry.length()) {
      throw new TufException(
          Role.TARGETS,
          Reason.LENGTH_MISMATCH,
          "target " + name + " has " + bytes.length + " bytes, expected " + entry.length());
    }
    String bad = Digests.mismatch(entry.hashes(), bytes);
    if (bad != null) {
      throw new TufException(Role.TARGETS, Reason.HASH_MISMATCH, "target " + name + ": " + bad);
    }
    AtomicFiles.write(local, bytes);
    return bytes;
  }

  // ---- §5.3 root ----

  private void updateRoot(Instant now) throws TufException, IOException {
    Root initial = root.signed();
    for (int i = 0; i < limits.maxRootRotations(); i++) {
      long next = root.signed().version() + 1;
      Optional<byte[]> bytes = fetch(Role.ROOT, Layout.rootPath(next), limits.rootMaxLength());
      if (bytes.isEmpty()) {
        break;
      }
      Metadata<Root> candidate = parse(Role.ROOT, bytes.get(), Root.class);
      root.signed().verifySignatures(Role.ROOT, candidate);
      long got = candidate.signed().version();
      if (got != next) {
        throw new TufException(
            Role.ROOT,
            got < next ? Reason.ROLLBACK : Reason.VERSION_MISMATCH,
            "file " + Layout.rootPath(next) + " holds version " + got + ", expected " + next);
      }
      candidate.signed().verifySignatures(Role.ROOT, candidate);
      root = candidate;
      AtomicFiles.write(cacheDir.resolve("root.json"), bytes.get());
    }
    Root current = root.signed();
    if (!initial.roleKeys(Role.TIMESTAMP).equals(current.roleKeys(Role.TIMESTAMP))
        || !initial.roleKeys(Role.SNAPSHOT).equals(current.roleKeys(Role.SNAPSHOT))) {
      // §5.3.11: a rotated timestamp or snapshot key may have been used to fast-forward them
      Files.deleteIfExists(cacheDir.resolve("timestamp.json"));
      Files.deleteIfExists(cacheDir.resolve("snapshot.json"));
    }
    if (current.isExpiredAt(now)) {
      throw Refusals.expired(Role.ROOT, current, now);
    }
  }

  // ---- §5.4 timestamp ----

  private void updateTimestamp(Instant now) throws TufException, IOException {
    byte[] bytes =
        fetchRequired(Role.TIMESTAMP, Layout.timestampPath(), limits.timestampMaxLength());
    Metadata<Timestamp> fresh = parse(Role.TIMESTAMP, bytes, Timestamp.class);
    root.signed().verifySignatures(Role.TIMESTAMP, fresh);
    Timestamp t = fresh.signed();
    if (timestamp != null) {
      Timestamp trusted = timestamp.signed();
      if (t.version() < trusted.version()) {
        throw Refusals.rollback(Role.TIMESTAMP, t.version(), trusted.version());
      }
      if (t.snapshotMeta().version() < trusted.snapshotMeta().version()) {
        throw new TufException(
            Role.TIMESTAMP,
            Reason.ROLLBACK,
            "version "
                + t.version()
                + " lists snapshot version "
                + t.snapshotMeta().version()
                + ", lower than the trusted "
                + trusted.snapshotMeta().version());
      }
    }
    if (t.isExpiredAt(now)) {
      throw Refusals.expired(Role.TIMESTAMP, t, now);
    }
    timestamp = fresh;
    AtomicFiles.write(cacheDir.resolve("timestamp.json"), bytes);
  }

  // ---- §5.5 snapshot ----

  private void updateSnapshot(Instant now) throws TufException, IOException {
    MetaFile meta = timestamp.signed().snapshotMeta();
    String path =
        Layout.metadataPath(Role.SNAPSHOT, meta.version(), root.signed().consistentSnapshot());
    byte[] bytes =
        fetchRequired(Role.SNAPSHOT, path, meta.length().orElse(limits.snapshotMaxLength()));
    Refusals.checkLengthAndHashes(Role.SNAPSHOT, meta, bytes);
    Metadata<Snapshot> fresh = parse(Role.SNAPSHOT, bytes, Snapshot.class);
    root.signed().verifySignatures(Role.SNAPSHOT, fresh);
    Snapshot s = fresh.signed();
    if (s.version() != meta.version()) {
      throw Refusals.mismatch(Role.SNAPSHOT, s.version(), "timestamp", meta.version());
    }
    if (snapshot != null) {
      Snapshot trusted = snapshot.signed();
      if (s.version() < trusted.version()) {
        throw Refusals.rollback(Role.SNAPSHOT, s.version(), trusted.version());
      }
      for (Map.Entry<String, MetaFile> e : trusted.meta().entrySet()) {
        MetaFile listed = s.meta().get(e.getKey());
        if (listed == null || listed.version() < e.getValue().version()) {
          throw new TufException(
              Role.SNAPSHOT,
              Reason.ROLLBACK,
              "version "
                  + s.version()
                  + (listed == null
                      ? " no longer lists " + e.getKey()
                      : " lists " + e.getKey() + " version " + listed.version())
                  + ", the trusted snapshot lists version "
                  + e.getValue().version());
        }
      }
    }
    if (s.isExpiredAt(now)) {
      throw Refusals.expired(Role.SNAPSHOT, s, now);
    }
    snapshot = fresh;
    AtomicFiles.write(cacheDir.resolve("snapshot.json"), bytes);
  }

  // ---- §5.6 targets ----

  private void updateTargets(Instant now) throws TufException, IOException {
    MetaFile meta = snapshot.signed().meta().get(Snapshot.TARGETS_JSON);
    if (meta == null) {
      throw new TufException(
          Role.SNAPSHOT,
          Reason.MALFORMED,
          "version " + snapshot.signed().version() + " does not list targets.json");
    }
    String path =
        Layout.metadataPath(Role.TARGETS, meta.version(), root.signed().consistentSnapshot());
    byte[] bytes =
        fetchRequired(Role.TARGETS, path, meta.length().orElse(limits.targetsMaxLength()));
    Refusals.checkLengthAndHashes(Role.TARGETS, meta, bytes);
    Metadata<Targets> fresh = parse(Role.TARGETS, bytes, Targets.class);
    root.signed().verifySignatures(Role.TARGETS, fresh);
    Targets t = fresh.signed();
    if (targets != null && t.version() < targets.signed().version()) {
      throw Refusals.rollback(Role.TARGETS, t.version(), targets.signed().version());
    }
    if (t.version() != meta.version()) {
      throw Refusals.mismatch(Role.TARGETS, t.version(), "snapshot", meta.version());
    }
    if (t.isExpiredAt(now)) {
      throw Refusals.expired(Role.TARGETS, t, now);
    }
    targets = fresh;
    AtomicFiles.write(cacheDir.resolve("targets.json"), bytes);
  }

  // ---- helpers ----

  /** Cached metadata still signed under the current root, or null (then it is not trusted). */
  private <T extends Signed> Metadata<T> cached(String file, Role role, Class<T> type)
      throws IOException {
    Path p = cacheDir.resolve(file);
    if (!Files.isRegularFile(p)) {
      return null;
    }
    try {
      Metadata<T> md = Metadata.parse(Files.readAllBytes(p), type);
      root.signed().verifySignatures(role, md);
      return md;
    } catch (MetadataFormatException | TufException e) {
      return null;
    }
  }

  private static Metadata<Root> selfSignedRoot(byte[] bytes) throws TufException {
    Metadata<Root> root = parse(Role.ROOT, bytes, Root.class);
    root.signed().verifySignatures(Role.ROOT, root);
    return root;
  }

  private static <T extends Signed> Metadata<T> parse(Role role, byte[] bytes, Class<T> type)
      throws TufException {
    try {
      return Metadata.parse(bytes, type);
    } catch (MetadataFormatException e) {
      throw new TufException(role, Reason.MALFORMED, e.getMessage(), e);
    }
  }

  private Optional<byte[]> fetch(Role role, String path, long maxLength) throws TufException {
    try {
      return remote.fetch(path, maxLength);
    } catch (RemoteRepository.FetchTooLargeException e) {
      throw new TufException(role, Reason.LENGTH_MISMATCH, e.getMessage(), e);
    } catch (IOException e) {
      throw new TufException(
          role,
          Reason.FETCH_FAILED,
          "cannot fetch " + path + ": " + (e.getMessage() != null ? e.getMessage() : e),
          e);
    }
  }

  private byte[] fetchRequired(Role role, String path, long maxLength) throws TufException {
    return fetch(role, path, maxLength)
        .orElseThrow(
            () -> new TufException(role, Reason.FETCH_FAILED, path + " is not on the remote"));
  }

  /** One file name per target, never a path: percent-encoded, no leading dot. */
  private static String cacheName(String name) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
    return encoded.startsWith(".") ? "%2E" + encoded.substring(1) : encoded;
  }
}
