package dev.hallmark.testkit;

import dev.hallmark.core.merkle.ProofException;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteFormatException;
import dev.hallmark.core.note.SignedNote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a log promised to clients: each 201 answer (index and body), the request behind it,
 * and every checkpoint an answer carried. Checks each answer on arrival (its inclusion proof, its
 * checkpoint matching the proof, no index given to two bodies, no request given two indexes) and
 * keeps the problems. Thread-safe.
 */
public final class Acknowledgements {
  private final Map<Long, byte[]> byIndex = new HashMap<>();
  private final Map<HashedRekordRequest, Long> byRequest = new HashMap<>();
  private final Set<String> checkpoints = new HashSet<>();
  private final List<String> problems = new ArrayList<>();

  /** Records a 201 answer to {@code request}. */
  public void record(HashedRekordRequest request, LoggedEntry entry) {
    String problem = check(entry);
    synchronized (this) {
      if (problem != null) {
        problems.add(problem);
      }
      checkpoints.add(entry.checkpoint());
      byte[] body = entry.body();
      byte[] before = byIndex.putIfAbsent(entry.index(), body);
      if (before != null && !Arrays.equals(before, body)) {
        problems.add("index " + entry.index() + " was acknowledged for two different bodies");
      }
      Long old = byRequest.putIfAbsent(request, entry.index());
      if (old != null && old != entry.index()) {
        problems.add("one request was acknowledged at " + old + " and at " + entry.index());
      }
    }
  }

  /** Records a checkpoint seen elsewhere, e.g. at {@code /checkpoint}. */
  public synchronized void recordCheckpoint(String note) {
    checkpoints.add(note);
  }

  /** Records a problem found by the caller. */
  public synchronized void recordProblem(String problem) {
    problems.add(problem);
  }

  private static String check(LoggedEntry entry) {
    try {
      entry.verifyInclusion();
      Checkpoint cp = Checkpoint.parse(SignedNote.parse(entry.checkpoint()).text());
      if (cp.size() != entry.treeSize() || !cp.rootHash().equals(entry.rootHash())) {
        return "entry " + entry.index() + ": the checkpoint does not match the proof's tree";
      }
      return null;
    } catch (ProofException | NoteFormatException e) {
      return "entry " + entry.index() + ": " + e.getMessage();
    }
  }

  /** Index to canonical body of every acknowledged entry. */
  public synchronized Map<Long, byte[]> byIndex() {
    return new HashMap<>(byIndex);
  }

  /** Each acknowledged request and the index it got. */
  public synchronized Map<HashedRekordRequest, Long> byRequest() {
    return new HashMap<>(byRequest);
  }

  /** Every distinct checkpoint note seen. */
  public synchronized Set<String> checkpoints() {
    return new HashSet<>(checkpoints);
  }

  public synchronized List<String> problems() {
    return new ArrayList<>(problems);
  }

  public synchronized int size() {
    return byIndex.size();
  }
}
