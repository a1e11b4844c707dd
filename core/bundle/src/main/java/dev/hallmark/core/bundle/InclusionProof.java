package dev.hallmark.core.bundle;

import java.util.List;
import java.util.Objects;

/**
 * A Merkle inclusion proof with the checkpoint (signed note) it is relative to.
 *
 * @param logIndex the entry's index in the tree the proof is for (&ge; 0)
 * @param rootHash the tree's root hash
 * @param treeSize the tree size (&gt; logIndex)
 * @param hashes the audit path, leaf to root
 * @param checkpoint the signed checkpoint note text ("" if the bundle has none)
 */
public record InclusionProof(
    long logIndex, Bytes rootHash, long treeSize, List<Bytes> hashes, String checkpoint) {
  /** Validates. @throws IllegalArgumentException naming the bad field */
  public InclusionProof {
    Objects.requireNonNull(rootHash, "rootHash");
    hashes = List.copyOf(hashes);
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (logIndex < 0 || treeSize < 0) {
      throw new IllegalArgumentException("inclusion proof index or size is negative");
    }
    if (logIndex >= treeSize) {
      throw new IllegalArgumentException(
          "inclusion proof index " + logIndex + " is not below tree size " + treeSize);
    }
  }
}
