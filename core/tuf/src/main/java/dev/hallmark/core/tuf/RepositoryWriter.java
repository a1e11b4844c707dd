package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.Digests;
import dev.hallmark.core.tuf.internal.Layout;
import dev.hallmark.core.tuf.internal.RepositoryFiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a TUF repository with consistent snapshots: creates the four roles, publishes target files
 * under their SHA-256 names, bumps versions and re-signs before expiry, and rotates root (the new
 * root signed by the old and the new root thresholds, with signatures possibly made offline and
 * imported). Every change returns the {@link Publication} to make visible; every metadata file it
 * signs is checked against the root's threshold before it is returned.
 *
 * <p>Not thread-safe: one writer per repository, calls serialized by the owner. Signers are looked
 * up by key id; roles whose keys have no signer here (an offline root) are signed outside and
 * imported ({@link #draftRoot}, {@link Metadata#withSignature}, {@link #publishRoot}).
 */
public final class RepositoryWriter {
  /** The spec version written into new metadata (as Sigstore's own root has it). */
  public static final String SPEC_VERSION = "1.0";

  private final Clock clock;
  private final Expiries expiries;
  private final Map<String, TufSigner> signers;
  private final List<Metadata<Root>> roots;
  private Metadata<Targets> targets;
  private Metadata<Snapshot> snapshot;
  private Metadata<Timestamp> timestamp;
  private Map<String, byte[]> targetContents;

  private RepositoryWriter(
      Clock clock,
      Expiries expiries,
      Collection<TufSigner> signers,
      List<Metadata<Root>> roots,
      Map<String, byte[]> targetContents) {
    this.clock = Objects.requireNonNull(clock);
    this.expiries = Objects.requireNonNull(expiries);
    this.signers = new HashMap<>();
    for (TufSigner s : signers) {
      this.signers.put(s.keyId(), s);
    }
    this.roots = new ArrayList<>(roots);
    this.targetContents = copy(targetContents);
  }

  /**
   * Creates a new repository: root version 1 with {@code roles} and consistent snapshots, and
   * version 1 of targets (listing {@code initialTargets}), snapshot and timestamp.
   *
   * @param signers signers for at least a threshold of every role's keys
   * @throws TufException if the signers do not meet a role's threshold
   */
  public static RepositoryWriter initialize(
      Clock clock,
      Expiries expiries,
      Map<Role, RoleSetup> roles,
      Collection<TufSigner> signers,
      Map<String, byte[]> initialTargets)
      throws TufException {
    RepositoryWriter w = new RepositoryWriter(clock, expiries, signers, List.of(), initialTargets);
    Metadata<Root> root = w.signAll(Metadata.of(w.rootFor(1, roles)), null);
    root.signed().verifySignatures(Role.ROOT, root);
    w.roots.add(root);
    w.resignBelowRoot(1, 1, 1);
    return w;
  }

  /**
   * Opens an existing repository from its files, as stored by whoever published them.
   *
   * @param rootFiles every root version, 1 first
   * @param targetContents the content of every target the targets metadata lists
   * @throws MetadataFormatException if a file is malformed or does not fit the others
   * @throws TufException if a root is not signed by its predecessor's and its own threshold, or
   *     targets, snapshot or timestamp not by the current root's threshold
   */
  public static RepositoryWriter open(
      Clock clock,
      Expiries expiries,
      Collection<TufSigner> signers,
      List<byte[]> rootFiles,
      byte[] targetsFile,
      byte[] snapshotFile,
      byte[] timestampFile,
      Map<String, byte[]> targetContents)
      throws MetadataFormatException, TufException {
    List<Metadata<Root>> roots = new ArrayList<>();
    for (byte[] f : rootFiles) {
      Metadata<Root> r = Metadata.parse(f, Root.class);
      if (r.signed().version() != roots.size() + 1) {
        throw new MetadataFormatException(
            "root file " + (roots.size() + 1) + " has version " + r.signed().version());
      }
      if (!roots.isEmpty()) {
        roots.get(roots.size() - 1).signed().verifySignatures(Role.ROOT, r);
      }
      r.signed().verifySignatures(Role.ROOT, r);
      roots.add(r);
    }
    if (roots.isEmpty()) {
      throw new MetadataFormatException("no root metadata");
    }
    RepositoryWriter w = new RepositoryWriter(clock, expiries, signers, roots, targetContents);
    Root root = w.root().signed();
    if (!root.consistentSnapshot()) {
      throw new MetadataFormatException(
          "this writer only maintains consistent-snapshot repositories");
    }
    w.targets = Metadata.parse(targetsFile, Targets.class);
    w.snapshot = Metadata.parse(snapshotFile, Snapshot.class);
    w.timestamp = Metadata.parse(timestampFile, Timestamp.class);
    root.verifySignatures(Role.TARGETS, w.targets);
    root.verifySignatures(Role.SNAPSHOT, w.snapshot);
    root.verifySignatures(Role.TIMESTAMP, w.timestamp);
    if (!w.targetContents.keySet().equals(w.targets.signed().targets().keySet())) {
      throw new MetadataFormatException("target contents do not match the targets metadata");
    }
    for (Map.Entry<String, TargetFile> e : w.targets.signed().targets().entrySet()) {
      byte[] content = w.targetContents.get(e.getKey());
      String bad = Digests.mismatch(e.getValue().hashes(), content);
      if (content.length != e.getValue().length() || bad != null) {
        throw new MetadataFormatException("target " + e.getKey() + " does not match its entry");
      }
    }
    return w;
  }

  /** The current root. */
  public Metadata<Root> root() {
    return roots.get(roots.size() - 1);
  }

  /** The current targets metadata. */
  public Metadata<Targets> targets() {
    return targets;
  }

  /** The current snapshot metadata. */
  public Metadata<Snapshot> snapshot() {
    return snapshot;
  }

  /** The current timestamp metadata. */
  public Metadata<Timestamp> timestamp() {
    return timestamp;
  }

  /** Every file of the repository: all root versions, current metadata, all target files. */
  public Publication allFiles() {
    List<PublishedFile> files = new ArrayList<>(targetFiles(targetContents.keySet()));
    files.addAll(metadataFiles(true, true).files());
    files.addAll(0, rootFiles(1));
    return new Publication(RepositoryFiles.inPublicationOrder(files));
  }

  /**
   * Adds or replaces target files, then re-signs targets, snapshot and timestamp with bumped
   * versions.
   *
   * @throws TufException if the available signers do not meet a role's threshold
   */
  public Publication putTargets(Map<String, byte[]> changed) throws TufException {
    Map<String, byte[]> next = copy(targetContents);
    next.putAll(copy(changed));
    return publishTargets(next, changed.keySet());
  }

  /**
   * Removes target files (names that are not listed are ignored), then re-signs as {@link
   * #putTargets} does. The removed files' hash-named copies are not deleted from the mirror: older
   * snapshots still name them, and pruning them is the publisher's choice.
   */
  public Publication removeTargets(Set<String> names) throws TufException {
    Map<String, byte[]> next = copy(targetContents);
    next.keySet().removeAll(names);
    return publishTargets(next, Set.of());
  }

  /**
   * Re-signs, with a bumped version and a fresh expiry, each of targets, snapshot and timestamp
   * that expires within {@code margin} from now (a new targets version forces a new snapshot, a new
   * snapshot a new timestamp). Returns an empty publication when nothing was due.
   */
  public Publication refresh(Duration margin) throws TufException {
    Instant due = clock.instant().plus(margin);
    boolean t = !targets.signed().expires().isAfter(due);
    boolean s = t || !snapshot.signed().expires().isAfter(due);
    boolean ts = s || !timestamp.signed().expires().isAfter(due);
    if (!ts) {
      return new Publication(List.of());
    }
    return commitBelowRoot(t, s, false);
  }

  /**
   * The keys and thresholds of the current root, e.g. to draft a root that only extends the expiry
   * ({@code draftRoot(currentRoles())}) or changes one role.
   */
  public Map<Role, RoleSetup> currentRoles() {
    Root root = root().signed();
    Map<Role, RoleSetup> roles = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      RoleKeys rk = root.roleKeys(r);
      List<TufKey> keys = new ArrayList<>();
      rk.keyIds().forEach(id -> keys.add(root.keys().get(id)));
      roles.put(r, new RoleSetup(keys, rk.threshold()));
    }
    return roles;
  }

  /**
   * A new root version N+1 with {@code roles}, unsigned: export {@link Metadata#toJson()} to the
   * holders of the old and new root keys, sign it with {@link Metadata#sign} or import their
   * detached signatures with {@link Metadata#withSignature}, then {@link #publishRoot}.
   */
  public Metadata<Root> draftRoot(Map<Role, RoleSetup> roles) {
    return Metadata.of(rootFor(root().signed().version() + 1, roles));
  }

  /**
   * Signs {@code draft} with every signer held here whose key is a root key of the current or of
   * the drafted root.
   */
  public Metadata<Root> signWithAvailableKeys(Metadata<Root> draft) {
    return signAll(draft, root().signed());
  }

  /**
   * Publishes a new root version: it must be version N+1 and carry valid signatures by the current
   * root's root threshold and by its own. Targets, snapshot and timestamp are then re-signed under
   * the new root with bumped versions, so keys rotated away no longer sign anything.
   *
   * @throws TufException naming the role whose threshold is not met (nothing changes then)
   */
  public Publication publishRoot(Metadata<Root> newRoot) throws TufException {
    long expected = root().signed().version() + 1;
    if (newRoot.signed().version() != expected) {
      throw new TufException(
          Role.ROOT,
          TufException.Reason.VERSION_MISMATCH,
          "new root has version " + newRoot.signed().version() + ", expected " + expected);
    }
    root().signed().verifySignatures(Role.ROOT, newRoot);
    newRoot.signed().verifySignatures(Role.ROOT, newRoot);
    Metadata<Targets> oldT = targets;
    Metadata<Snapshot> oldS = snapshot;
    Metadata<Timestamp> oldTs = timestamp;
    roots.add(newRoot);
    try {
      return commitBelowRoot(true, true, true);
    } catch (TufException | RuntimeException e) {
      roots.remove(roots.size() - 1);
      targets = oldT;
      snapshot = oldS;
      timestamp = oldTs;
      throw e;
    }
  }

  // ---- internals ----

  private Publication publishTargets(Map<String, byte[]> next, Set<String> changed)
      throws TufException {
    Map<String, byte[]> previous = targetContents;
    targetContents = next;
    try {
      Publication meta = commitBelowRoot(true, true, false);
      List<PublishedFile> files = new ArrayList<>(targetFiles(changed));
      files.addAll(meta.files());
      return new Publication(files);
    } catch (TufException | RuntimeException e) {
      targetContents = previous;
      throw e;
    }
  }

  /** Re-signs the roles below root as asked; all-or-nothing. */
  private Publication commitBelowRoot(boolean newTargets, boolean newSnapshot, boolean withRoot)
      throws TufException {
    Metadata<Targets> oldT = targets;
    Metadata<Snapshot> oldS = snapshot;
    Metadata<Timestamp> oldTs = timestamp;
    try {
      resignBelowRoot(
          newTargets ? targets.signed().version() + 1 : 0,
          newSnapshot ? snapshot.signed().version() + 1 : 0,
          timestamp.signed().version() + 1);
    } catch (TufException | RuntimeException e) {
      targets = oldT;
      snapshot = oldS;
      timestamp = oldTs;
      throw e;
    }
    List<PublishedFile> files = new ArrayList<>();
    if (withRoot) {
      files.addAll(rootFiles(roots.size()));
    }
    files.addAll(metadataFiles(newTargets, newSnapshot).files());
    return new Publication(RepositoryFiles.inPublicationOrder(files));
  }

  /** Signs new versions; a version of 0 keeps the role's current metadata. */
  private void resignBelowRoot(long targetsVersion, long snapshotVersion, long timestampVersion)
      throws TufException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (targetsVersion > 0) {
      Map<String, TargetFile> entries = new TreeMap<>();
      targetContents.forEach((name, bytes) -> entries.put(name, TargetFile.describing(bytes)));
      targets =
          sign(
              Role.TARGETS,
              new Targets(
                  SPEC_VERSION, targetsVersion, now.plus(expiries.of(Role.TARGETS)), entries));
    }
    if (snapshotVersion > 0) {
      MetaFile t = MetaFile.describing(targets.signed().version(), targets.toJson());
      snapshot =
          sign(
              Role.SNAPSHOT,
              new Snapshot(
                  SPEC_VERSION,
                  snapshotVersion,
                  now.plus(expiries.of(Role.SNAPSHOT)),
                  Map.of(Snapshot.TARGETS_JSON, t)));
    }
    MetaFile s = MetaFile.describing(snapshot.signed().version(), snapshot.toJson());
    timestamp =
        sign(
            Role.TIMESTAMP,
            new Timestamp(
                SPEC_VERSION, timestampVersion, now.plus(expiries.of(Role.TIMESTAMP)), s));
  }

  private <T extends Signed> Metadata<T> sign(Role role, T signed) throws TufException {
    Root root = root().signed();
    Metadata<T> md = Metadata.of(signed);
    for (String id : root.roleKeys(role).keyIds()) {
      TufSigner s = signers.get(id);
      if (s != null) {
        md = md.sign(s);
      }
    }
    root.verifySignatures(role, md);
    return md;
  }

  /** Signs a root with every held signer of its own root keys and (if given) the old root's. */
  private Metadata<Root> signAll(Metadata<Root> draft, Root previous) {
    Metadata<Root> md = draft;
    List<String> ids = new ArrayList<>(draft.signed().roleKeys(Role.ROOT).keyIds());
    if (previous != null) {
      ids.addAll(previous.roleKeys(Role.ROOT).keyIds());
    }
    for (String id : ids.stream().distinct().toList()) {
      TufSigner s = signers.get(id);
      if (s != null) {
        md = md.sign(s);
      }
    }
    return md;
  }

  private Root rootFor(long version, Map<Role, RoleSetup> roles) {
    Map<String, TufKey> keys = new TreeMap<>();
    Map<Role, RoleKeys> roleKeys = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      RoleSetup setup = roles.get(r);
      if (setup == null) {
        throw new IllegalArgumentException("no keys for role " + r);
      }
      List<String> ids = new ArrayList<>();
      for (TufKey k : setup.keys()) {
        keys.put(k.keyId(), k);
        ids.add(k.keyId());
      }
      roleKeys.put(r, new RoleKeys(ids, setup.threshold()));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new Root(SPEC_VERSION, version, now.plus(expiries.root()), true, keys, roleKeys);
  }

  private List<PublishedFile> rootFiles(long fromVersion) {
    List<PublishedFile> files = new ArrayList<>();
    for (Metadata<Root> r : roots.subList((int) fromVersion - 1, roots.size())) {
      files.add(new PublishedFile(Layout.rootPath(r.signed().version()), r.toJson()));
    }
    return files;
  }

  private List<PublishedFile> targetFiles(Collection<String> names) {
    List<PublishedFile> files = new ArrayList<>();
    for (String name : new TreeMap<>(targetContents).keySet()) {
      if (names.contains(name)) {
        byte[] content = targetContents.get(name);
        files.add(
            new PublishedFile(Layout.targetPath(name, Digests.sha256Hex(content), true), content));
      }
    }
    return files;
  }

  private Publication metadataFiles(boolean withTargets, boolean withSnapshot) {
    List<PublishedFile> files = new ArrayList<>();
    if (withTargets) {
      files.add(
          new PublishedFile(
              Layout.metadataPath(Role.TARGETS, targets.signed().version(), true),
              targets.toJson()));
    }
    if (withSnapshot) {
      files.add(
          new PublishedFile(
              Layout.metadataPath(Role.SNAPSHOT, snapshot.signed().version(), true),
              snapshot.toJson()));
    }
    files.add(new PublishedFile(Layout.timestampPath(), timestamp.toJson()));
    return new Publication(files);
  }

  private static Map<String, byte[]> copy(Map<String, byte[]> m) {
    Map<String, byte[]> out = new TreeMap<>();
    m.forEach(
        (k, v) -> {
          RepositoryFiles.checkPortableName(k);
          out.put(k, v.clone());
        });
    return out;
  }
}
