package dev.hallmark.testkit;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MemoryTree;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.ProofBuilder;
import dev.hallmark.core.merkle.ProofException;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteFormatException;
import dev.hallmark.core.note.NoteVerificationException;
import dev.hallmark.core.note.NoteVerifier;
import dev.hallmark.core.note.NoteVerifierSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Audits a Rekor v2 log from the outside, the way a monitor would: verifies the signed checkpoint,
 * downloads every entry bundle and hash tile it implies, rebuilds the tree from the entries, and
 * checks that the tiles and the checkpoint's root agree with it. The rebuilt tree then answers
 * whether acknowledged entries and observed checkpoints are part of this one linear history. Checks
 * return nothing and throw {@link AuditException}.
 */
public final class LogAuditor {
  private static final int MAX_REPORTED = 10;

  private final NoteVerifierSet verifiers;
  private final String origin;
  private final Checkpoint checkpoint;
  private final List<byte[]> entries;
  private final ProofBuilder proofs;

  private LogAuditor(
      NoteVerifierSet verifiers,
      String origin,
      Checkpoint checkpoint,
      List<byte[]> entries,
      MemoryTree tree) {
    this.verifiers = verifiers;
    this.origin = origin;
    this.checkpoint = checkpoint;
    this.entries = entries;
    this.proofs = new ProofBuilder(tree);
  }

  /**
   * Fetches and verifies the log's current state.
   *
   * @param logKey the verifier of the log's checkpoint key
   * @param origin the log's origin (its first checkpoint line)
   * @throws AuditException if the checkpoint, a tile or a bundle is wrong or missing
   */
  public static LogAuditor audit(RekorV2Client client, NoteVerifier logKey, String origin)
      throws AuditException, IOException, InterruptedException {
    NoteVerifierSet verifiers = new NoteVerifierSet(List.of(logKey));
    Checkpoint cp = verify(verifiers, origin, client.checkpoint());
    long size = cp.size();
    MemoryTree tree = new MemoryTree();
    List<byte[]> entries = new ArrayList<>();
    for (long t = 0; t * 256 < size; t++) {
      int width = (int) Math.min(256, size - t * 256);
      byte[] bundle = fetch(client.entryBundle(t, width), "entry bundle", t, width);
      byte[] tile = fetch(client.tile(0, t, width), "level-0 tile", t, width);
      List<byte[]> bodies = parseBundle(bundle, width, t);
      if (tile.length != width * Hash.SIZE) {
        throw new AuditException("level-0 tile " + t + " has " + tile.length + " bytes");
      }
      for (int i = 0; i < width; i++) {
        Hash leaf = Rfc6962.leafHash(bodies.get(i));
        Hash tiled = Hash.of(Arrays.copyOfRange(tile, i * Hash.SIZE, (i + 1) * Hash.SIZE));
        if (!leaf.equals(tiled)) {
          throw new AuditException(
              "entry " + (t * 256 + i) + " hashes to " + leaf + " but its tile says " + tiled);
        }
        tree.append(leaf);
      }
      entries.addAll(bodies);
    }
    Hash root = new ProofBuilder(tree).root(size);
    if (!root.equals(cp.rootHash())) {
      throw new AuditException(
          "rebuilt root of size " + size + " is " + root + ", checkpoint says " + cp.rootHash());
    }
    checkUpperTiles(client, tree, size);
    return new LogAuditor(verifiers, origin, cp, entries, tree);
  }

  private static void checkUpperTiles(RekorV2Client client, MemoryTree tree, long size)
      throws AuditException, IOException, InterruptedException {
    for (int level = 1; level < 8; level++) {
      long hashes = size >>> (8 * level);
      if (hashes == 0) {
        return;
      }
      for (long t = 0; t * 256 < hashes; t++) {
        int width = (int) Math.min(256, hashes - t * 256);
        byte[] tile = fetch(client.tile(level, t, width), "level-" + level + " tile", t, width);
        for (int i = 0; i < width; i++) {
          Hash expected = tree.subtree(8 * level, t * 256 + i);
          Hash tiled = Hash.of(Arrays.copyOfRange(tile, i * Hash.SIZE, (i + 1) * Hash.SIZE));
          if (!expected.equals(tiled)) {
            throw new AuditException(
                "tile "
                    + level
                    + "/"
                    + t
                    + " hash "
                    + i
                    + " is "
                    + tiled
                    + ", rebuilt "
                    + expected);
          }
        }
      }
    }
  }

  private static byte[] fetch(java.util.Optional<byte[]> data, String what, long index, int width)
      throws AuditException {
    return data.orElseThrow(
        () -> new AuditException(what + " " + index + " (width " + width + ") is missing"));
  }

  private static List<byte[]> parseBundle(byte[] bundle, int width, long index)
      throws AuditException {
    List<byte[]> bodies = new ArrayList<>(width);
    int pos = 0;
    for (int i = 0; i < width; i++) {
      if (pos + 2 > bundle.length) {
        throw new AuditException("entry bundle " + index + " ends after " + i + " entries");
      }
      int len = ((bundle[pos] & 0xff) << 8) | (bundle[pos + 1] & 0xff);
      pos += 2;
      if (pos + len > bundle.length) {
        throw new AuditException("entry bundle " + index + " truncated in entry " + i);
      }
      bodies.add(Arrays.copyOfRange(bundle, pos, pos + len));
      pos += len;
    }
    if (pos != bundle.length) {
      throw new AuditException("entry bundle " + index + " has trailing bytes");
    }
    return bodies;
  }

  private static Checkpoint verify(NoteVerifierSet verifiers, String origin, String note)
      throws AuditException {
    try {
      Checkpoint cp = Checkpoint.parse(verifiers.verify(note).note().text());
      if (!cp.origin().equals(origin)) {
        throw new AuditException("checkpoint origin is " + cp.origin() + ", expected " + origin);
      }
      return cp;
    } catch (NoteVerificationException | NoteFormatException e) {
      throw new AuditException("bad checkpoint: " + e.getMessage() + "\n" + note, e);
    }
  }

  /** The audited checkpoint. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  public long size() {
    return checkpoint.size();
  }

  /** The body of entry {@code index}. */
  public byte[] entry(long index) {
    return entries.get(Math.toIntExact(index)).clone();
  }

  /**
   * Every acknowledged entry is in the log at the index it was given, with the same body.
   *
   * @param acknowledged index to canonical body, from 201 answers
   */
  public void checkAcknowledged(Map<Long, byte[]> acknowledged) throws AuditException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Long, byte[]> e : new TreeMap<>(acknowledged).entrySet()) {
      long index = e.getKey();
      if (index >= entries.size()) {
        problems.add("entry " + index + " was acknowledged but the log has " + entries.size());
      } else if (!Arrays.equals(entries.get((int) index), e.getValue())) {
        problems.add("entry " + index + " in the log is not the body acknowledged for it");
      }
    }
    fail(problems, acknowledged.size() + " acknowledged entries");
  }

  /** No body occurs twice in the log (submissions are deduplicated). */
  public void checkUnique() throws AuditException {
    Map<Hash, Integer> seen = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Integer first = seen.putIfAbsent(Rfc6962.leafHash(entries.get(i)), i);
      if (first != null) {
        problems.add("entry " + i + " duplicates entry " + first);
      }
    }
    fail(problems, entries.size() + " entries");
  }

  /**
   * Every observed checkpoint is validly signed, no larger than the audited one, and has the root
   * of the rebuilt tree at its size; and each pair of successive sizes passes a consistency proof
   * built from the rebuilt tree. Together: every checkpoint the log ever showed lies on one linear
   * history.
   *
   * @param notes signed checkpoint notes seen in answers or at {@code /checkpoint}
   */
  public void checkCheckpoints(Collection<String> notes) throws AuditException {
    TreeMap<Long, Hash> bySize = new TreeMap<>();
    bySize.put(checkpoint.size(), checkpoint.rootHash());
    List<String> problems = new ArrayList<>();
    for (String note : notes) {
      Checkpoint cp = verify(verifiers, origin, note);
      if (cp.size() > size()) {
        problems.add("checkpoint of size " + cp.size() + " is beyond the log's " + size());
        continue;
      }
      Hash rebuilt = proofs.root(cp.size());
      if (!rebuilt.equals(cp.rootHash())) {
        problems.add(
            "checkpoint of size " + cp.size() + " has root " + cp.rootHash() + ", log " + rebuilt);
        continue;
      }
      bySize.put(cp.size(), cp.rootHash());
    }
    Map.Entry<Long, Hash> previous = null;
    for (Map.Entry<Long, Hash> e : bySize.entrySet()) {
      if (previous != null && previous.getKey() > 0) {
        try {
          MerkleVerifier.verifyConsistency(
              previous.getKey(),
              e.getKey(),
              previous.getValue(),
              e.getValue(),
              proofs.consistencyProof(previous.getKey(), e.getKey()));
        } catch (ProofException ex) {
          problems.add(ex.getMessage());
        }
      }
      previous = e;
    }
    fail(problems, notes.size() + " checkpoints");
  }

  private static void fail(List<String> problems, String what) throws AuditException {
    if (!problems.isEmpty()) {
      List<String> shown = problems.subList(0, Math.min(MAX_REPORTED, problems.size()));
      throw new AuditException(
          problems.size() + " problems in " + what + ":\n  " + String.join("\n  ", shown));
    }
  }
}
