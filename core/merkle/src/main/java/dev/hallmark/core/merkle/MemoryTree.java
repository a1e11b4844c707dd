package dev.hallmark.core.merkle;

import dev.hallmark.core.merkle.internal.HashPages;
import dev.hallmark.core.merkle.internal.NodeHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle tree that keeps every complete subtree hash in memory (about 64 bytes per leaf), for
 * tests, small logs and benchmarks. Use a {@link ProofBuilder} over it for roots and proofs.
 *
 * <p>Not thread-safe: callers that append while others read must synchronize externally.
 */
public final class MemoryTree implements HashSource {
  /** levels.get(l) holds the complete subtrees of 2^l leaves, left to right. */
  private final List<HashPages> levels = new ArrayList<>();

  private long size;

  /** An empty tree. */
  public MemoryTree() {
    levels.add(new HashPages());
  }

  /**
   * Appends one leaf (already RFC 6962 leaf-hashed) and every complete subtree it completes.
   *
   * @throws IllegalStateException if the tree already has 2<sup>63</sup>−1 leaves
   */
  public void append(Hash leafHash) {
    Objects.requireNonNull(leafHash, "leafHash");
    appendOne(leafHash, null);
  }

  /** Appends the leaves in order, like repeated {@link #append}, sharing one hasher. */
  public void appendAll(List<Hash> leafHashes) {
    NodeHasher h = NodeHasher.create();
    for (Hash leaf : leafHashes) {
      appendOne(Objects.requireNonNull(leaf, "leaf hash"), h);
    }
  }

  private void appendOne(Hash leafHash, NodeHasher hasher) {
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("tree is full");
    }
    byte[] node = leafHash.toBytes();
    levels.get(0).add(node, 0);
    NodeHasher h = hasher;
    // Each trailing one bit of the old size completes a subtree one level up.
    long carries = size;
    int level = 0;
    while ((carries & 1) == 1) {
      if (h == null) {
        h = NodeHasher.create();
      }
      HashPages below = levels.get(level);
      below.get(below.size() - 2, h.slots(), NodeHasher.LEFT);
      System.arraycopy(node, 0, h.slots(), NodeHasher.RIGHT, Hash.SIZE);
      h.hashNodeInto(node);
      level++;
      if (levels.size() == level) {
        levels.add(new HashPages());
      }
      levels.get(level).add(node, 0);
      carries >>>= 1;
    }
    size++;
  }

  /** Number of leaves. */
  public long size() {
    return size;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if that subtree is not complete yet (or level/index are out of
   *     range)
   */
  @Override
  public Hash subtree(int level, long index) {
    if (level < 0 || level > 62 || index < 0 || index >= (size >>> level)) {
      throw new IllegalArgumentException(
          "subtree (level " + level + ", index " + index + ") is not complete at size " + size);
    }
    byte[] out = new byte[Hash.SIZE];
    levels.get(level).get(index, out, 0);
    return Hash.of(out);
  }
}
