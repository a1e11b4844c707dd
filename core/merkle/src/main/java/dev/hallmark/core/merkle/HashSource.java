package dev.hallmark.core.merkle;

/**
 * Read access to the complete subtrees of a Merkle tree, the only thing {@link ProofBuilder} needs:
 * an in-memory tree, tiles (tlog-tiles "stored hashes") or a database table.
 */
@FunctionalInterface
public interface HashSource {
  /**
   * Root of the complete subtree covering leaves [index &lt;&lt; level, (index + 1) &lt;&lt;
   * level). level 0 = leaf hash.
   *
   * <p>Callers only ask for subtrees that are complete in the tree they are working on, with {@code
   * 0 <= level <= 62} and {@code index >= 0}. Implementations may throw an unchecked exception (for
   * example {@link IllegalArgumentException} for a subtree that does not exist yet, or {@link
   * java.io.UncheckedIOException} for a storage failure); callers propagate it.
   */
  Hash subtree(int level, long index);
}
