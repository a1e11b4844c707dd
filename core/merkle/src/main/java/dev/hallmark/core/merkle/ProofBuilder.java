package dev.hallmark.core.merkle;

import dev.hallmark.core.merkle.internal.ConsistencyPath;
import dev.hallmark.core.merkle.internal.InclusionPath;
import dev.hallmark.core.merkle.internal.RangeRoot;
import java.util.List;
import java.util.Objects;

/**
 * Roots, inclusion proofs and consistency proofs (RFC 6962 §2.1.1–§2.1.2) for any tree size,
 * computed from the complete-subtree hashes of a {@link HashSource}.
 *
 * <p>Each call reads O(log size) subtrees (at most ~2·63) and hashes only where a right edge is not
 * a complete subtree. The builder holds no mutable state: it is thread-safe if the source is.
 * Exceptions thrown by the source propagate unchanged. The source must hold at least the leaves a
 * call asks about; a source that answers for subtrees past the real tree size gives wrong results.
 */
public final class ProofBuilder {
  private final HashSource source;

  /** A builder over {@code source}. */
  public ProofBuilder(HashSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * MTH(D[0:size]); {@link Rfc6962#emptyRoot()} for size 0.
   *
   * @throws IllegalArgumentException if {@code size < 0}
   */
  public Hash root(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be non-negative, got " + size);
    }
    if (size == 0) {
      return Rfc6962.emptyRoot();
    }
    return RangeRoot.of(source, 0, size, new RangeRoot.Lazy());
  }

  /**
   * PATH(index, D[0:size]): the audit path of leaf {@code index} in the tree of {@code size}
   * leaves, leaf-to-root (the sibling of the leaf first); empty for a tree of one leaf.
   *
   * @return an unmodifiable list
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public List<Hash> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is not in the tree of size " + size);
    }
    return InclusionPath.compute(source, index, size);
  }

  /**
   * PROOF(size1, D[0:size2]): the consistency proof from the tree of {@code size1} leaves to the
   * tree of {@code size2} leaves, leaf-to-root; empty when the sizes are equal.
   *
   * @return an unmodifiable list
   * @throws IllegalArgumentException unless {@code 0 < size1 <= size2}
   */
  public List<Hash> consistencyProof(long size1, long size2) {
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "a consistency proof needs 0 < size1 <= size2, got size1 "
              + size1
              + " and size2 "
              + size2);
    }
    return ConsistencyPath.compute(source, size1, size2);
  }
}
