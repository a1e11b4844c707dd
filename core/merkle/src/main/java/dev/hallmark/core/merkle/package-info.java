/**
 * RFC 6962 / RFC 9162 Merkle trees: hashing, proof generation and proof verification.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link dev.hallmark.core.merkle.Hash} — an immutable 32-byte SHA-256 value.
 *   <li>{@link dev.hallmark.core.merkle.Rfc6962} — leaf, node and empty-tree hashing.
 *   <li>{@link dev.hallmark.core.merkle.HashSource} — read access to the complete subtrees of a log
 *       (memory, tiles, database); {@link dev.hallmark.core.merkle.MemoryTree} is the in-memory
 *       implementation.
 *   <li>{@link dev.hallmark.core.merkle.ProofBuilder} — roots, inclusion and consistency proofs for
 *       any tree size from a {@code HashSource}.
 *   <li>{@link dev.hallmark.core.merkle.MerkleVerifier} — proof verification that returns nothing
 *       and throws {@link dev.hallmark.core.merkle.ProofException}.
 *   <li>{@link dev.hallmark.core.merkle.CompactRange} — the right edge of a growing tree.
 * </ul>
 *
 * <p>Indices and sizes are Java {@code long}s in the range 0..2<sup>63</sup>−1. The package depends
 * on the JDK only; SHA-256 always comes from the {@code SUN} provider, whatever other providers are
 * installed.
 */
package dev.hallmark.core.merkle;
