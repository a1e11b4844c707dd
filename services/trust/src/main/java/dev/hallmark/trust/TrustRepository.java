package dev.hallmark.trust;

import dev.hallmark.core.tuf.Expiries;
import dev.hallmark.core.tuf.Metadata;
import dev.hallmark.core.tuf.MetadataFormatException;
import dev.hallmark.core.tuf.Publication;
import dev.hallmark.core.tuf.RepositoryWriter;
import dev.hallmark.core.tuf.Role;
import dev.hallmark.core.tuf.RoleSetup;
import dev.hallmark.core.tuf.Root;
import dev.hallmark.core.tuf.Snapshot;
import dev.hallmark.core.tuf.TargetFile;
import dev.hallmark.core.tuf.Timestamp;
import dev.hallmark.core.tuf.TufException;
import dev.hallmark.core.tuf.TufSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The TUF repository that publishes the trust root ({@code trusted_root.json}, {@code
 * signing_config.v0.2.json}) with consistent snapshots: created on first start, its targets updated
 * when a service key changes, timestamp and snapshot (and targets) re-signed before they expire,
 * root rotated with online keys or with signatures made offline. Every change is one {@link
 * TufStore#change}: read the current files, let core/tuf's writer compute the new ones, and publish
 * them atomically.
 */
public final class TrustRepository {
  private final TufStore store;
  private final List<TufSigner> signers;
  private final Clock clock;
  private final Expiries expiries;

  /**
   * @param signers the online keys: every role's key that this process may sign with (an offline
   *     root key is not among them)
   */
  public TrustRepository(
      TufStore store, Collection<TufSigner> signers, Clock clock, Expiries expiries) {
    this.store = Objects.requireNonNull(store, "store");
    this.signers = List.copyOf(signers);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expiries = Objects.requireNonNull(expiries, "expiries");
  }

  /** Versions and expiry of the published metadata. */
  public record Status(
      long rootVersion,
      long targetsVersion,
      long snapshotVersion,
      long timestampVersion,
      Instant rootExpires,
      Instant timestampExpires,
      List<String> targets) {}

  /**
   * Publishes {@code targets}: creates the repository with {@code initialRoles} if there is none,
   * otherwise re-signs targets (and snapshot and timestamp) when a target's content changed.
   *
   * @throws TrustException if the online keys do not meet a role's threshold
   */
  public Status publish(Map<Role, RoleSetup> initialRoles, Map<String, byte[]> targets)
      throws TrustStoreException, TrustException {
    return store.change(
        files -> {
          Optional<RepositoryWriter> existing = open(files);
          if (existing.isEmpty()) {
            RepositoryWriter w =
                tuf(
                    () ->
                        RepositoryWriter.initialize(
                            clock, expiries, initialRoles, signers, targets));
            return new TufStore.Result<>(w.allFiles(), status(w));
          }
          RepositoryWriter w = existing.get();
          Map<String, byte[]> changed = new HashMap<>();
          Map<String, TargetFile> listed = w.targets().signed().targets();
          for (Map.Entry<String, byte[]> t : targets.entrySet()) {
            TargetFile now = listed.get(t.getKey());
            if (now == null || !now.equals(TargetFile.describing(t.getValue()))) {
              changed.put(t.getKey(), t.getValue());
            }
          }
          Publication p =
              changed.isEmpty() ? new Publication(List.of()) : tuf(() -> w.putTargets(changed));
          return new TufStore.Result<>(p, status(w));
        });
  }

  /**
   * Re-signs, with fresh expiries, every role below root that expires within {@code margin}.
   *
   * @throws TrustException if there is no repository yet or the keys do not suffice
   */
  public Status refresh(Duration margin) throws TrustStoreException, TrustException {
    return store.change(
        files -> {
          RepositoryWriter w = existing(files);
          Publication p = tuf(() -> w.refresh(margin));
          return new TufStore.Result<>(p, status(w));
        });
  }

  /**
   * Rotates root with online keys: root version N+1 with {@code roles}, signed by every held key of
   * the current and the new root; published when both thresholds are met.
   *
   * @throws TrustException naming the threshold that is not met (nothing changes then)
   */
  public Status rotateRoot(Map<Role, RoleSetup> roles) throws TrustStoreException, TrustException {
    return store.change(
        files -> {
          RepositoryWriter w = existing(files);
          Metadata<Root> signed = w.signWithAvailableKeys(w.draftRoot(roles));
          Publication p = tuf(() -> w.publishRoot(signed));
          return new TufStore.Result<>(p, status(w));
        });
  }

  /**
   * The unsigned root N+1 with {@code roles}, signed by the online keys held here, for the holders
   * of offline root keys to sign ({@code hallmark trust sign}) and {@link #importRoot} later.
   */
  public byte[] draftRoot(Map<Role, RoleSetup> roles) throws TrustStoreException, TrustException {
    return store.change(
        files -> {
          RepositoryWriter w = existing(files);
          Metadata<Root> draft = w.signWithAvailableKeys(w.draftRoot(roles));
          return new TufStore.Result<>(new Publication(List.of()), draft.toJson());
        });
  }

  /**
   * Publishes a root N+1 with the signatures it carries (a draft signed offline).
   *
   * @throws TrustException if it is not the next version, or either threshold is not met
   */
  public Status importRoot(byte[] signedRoot) throws TrustStoreException, TrustException {
    return store.change(
        files -> {
          RepositoryWriter w = existing(files);
          Metadata<Root> root;
          try {
            root = Metadata.parse(signedRoot, Root.class);
          } catch (MetadataFormatException e) {
            throw new TrustException("not root metadata: " + e.getMessage(), e);
          }
          Publication p = tuf(() -> w.publishRoot(root));
          return new TufStore.Result<>(p, status(w));
        });
  }

  /** The published file at a repository path ({@code 2.root.json}, {@code timestamp.json}...). */
  public Optional<byte[]> file(String path) throws TrustStoreException {
    return store.read(path);
  }

  /** The current versions, or empty before the repository exists. */
  public Optional<Status> status() throws TrustStoreException, TrustException {
    return store.change(
        files -> {
          Optional<RepositoryWriter> w = open(files);
          return new TufStore.Result<>(new Publication(List.of()), w.map(TrustRepository::status));
        });
  }

  private static Status status(RepositoryWriter w) {
    return new Status(
        w.root().signed().version(),
        w.targets().signed().version(),
        w.snapshot().signed().version(),
        w.timestamp().signed().version(),
        w.root().signed().expires(),
        w.timestamp().signed().expires(),
        List.copyOf(w.targets().signed().targets().keySet()));
  }

  private RepositoryWriter existing(TufStore.Files files)
      throws TrustStoreException, TrustException {
    return open(files).orElseThrow(() -> new TrustException("there is no TUF repository yet"));
  }

  /** Opens the repository from its files: every root, then timestamp → snapshot → targets. */
  private Optional<RepositoryWriter> open(TufStore.Files files)
      throws TrustStoreException, TrustException {
    List<byte[]> roots = new ArrayList<>();
    for (long n = 1; ; n++) {
      Optional<byte[]> r = files.read(n + ".root.json");
      if (r.isEmpty()) {
        break;
      }
      roots.add(r.get());
    }
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] timestamp = need(files, "timestamp.json");
      long snapshotVersion =
          Metadata.parse(timestamp, Timestamp.class).signed().snapshotMeta().version();
      byte[] snapshot = need(files, snapshotVersion + ".snapshot.json");
      long targetsVersion =
          Metadata.parse(snapshot, Snapshot.class)
              .signed()
              .meta()
              .get(Snapshot.TARGETS_JSON)
              .version();
      byte[] targets = need(files, targetsVersion + ".targets.json");
      Map<String, byte[]> contents = new HashMap<>();
      for (Map.Entry<String, TargetFile> t :
          Metadata.parse(targets, dev.hallmark.core.tuf.Targets.class)
              .signed()
              .targets()
              .entrySet()) {
        String sha256 = t.getValue().hashes().get("sha256");
        contents.put(t.getKey(), need(files, targetPath(t.getKey(), sha256)));
      }
      return Optional.of(
          tuf(
              () ->
                  RepositoryWriter.open(
                      clock, expiries, signers, roots, targets, snapshot, timestamp, contents)));
    } catch (MetadataFormatException | RuntimeException e) {
      throw new TrustException("the stored TUF repository is broken: " + e.getMessage(), e);
    }
  }

  /** {@code targets/{dir/}{sha256}.{basename}} (consistent snapshots). */
  static String targetPath(String name, String sha256) {
    int slash = name.lastIndexOf('/');
    return "targets/" + name.substring(0, slash + 1) + sha256 + "." + name.substring(slash + 1);
  }

  private static byte[] need(TufStore.Files files, String path)
      throws TrustStoreException, TrustException {
    return files
        .read(path)
        .orElseThrow(() -> new TrustException("the TUF repository lacks " + path));
  }

  private interface TufCall<T> {
    T call() throws TufException, MetadataFormatException;
  }

  private static <T> T tuf(TufCall<T> call) throws TrustException {
    try {
      return call.call();
    } catch (TufException | MetadataFormatException e) {
      throw new TrustException(e.getMessage(), e);
    }
  }
}
