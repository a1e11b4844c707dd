package dev.hallmark.core.merkle.internal;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.ProofException;
import java.util.Arrays;
import java.util.List;

/** Consistency proof verification, per RFC 9162 §2.1.4.2 and the edge cases of its vectors. */
public final class ConsistencyCheck {
  private ConsistencyCheck() {}

  /**
   * Verifies that a tree of {@code size2} leaves with root {@code root2} extends a tree of {@code
   * size1} leaves with root {@code root1}. See {@code MerkleVerifier.verifyConsistency}.
   */
  public static void verify(long size1, long size2, Hash root1, Hash root2, List<Hash> proof)
      throws ProofException {
    if (size1 < 0 || size2 < 0) {
      throw new ProofException(
          "sizes " + size1 + " and " + size2 + " must be in 0..2^63-1 (got a negative value)");
    }
    if (size1 > size2) {
      throw new ProofException(
          "size1 " + size1 + " is greater than size2 " + size2 + ": a log cannot shrink");
    }
    if (size1 == 0) {
      throw new ProofException(
          "a consistency proof from the empty tree (size1 = 0) is meaningless");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new ProofException(
            "sizes are equal (" + size1 + ") but the proof has " + proof.size() + " hashes");
      }
      if (!root1.equals(root2)) {
        throw new ProofException(
            "sizes are equal (" + size1 + ") but the roots differ: " + root1 + " != " + root2);
      }
      return;
    }
    if (proof.isEmpty()) {
      throw new ProofException("empty consistency proof from size " + size1 + " to size " + size2);
    }
    // If size1 is a power of two, the old root is itself the first node of the proof.
    boolean seedIsRoot1 = Long.bitCount(size1) == 1;
    byte[] fr = new byte[Hash.SIZE];
    (seedIsRoot1 ? root1 : proof.get(0)).copyTo(fr, 0);
    byte[] sr = fr.clone();
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    NodeHasher h = NodeHasher.create();
    int n = proof.size();
    for (int i = seedIsRoot1 ? 0 : 1; i < n; i++) {
      Hash c = proof.get(i);
      if (sn == 0) {
        throw wrongLength(size1, size2, n);
      }
      if ((fn & 1) == 1 || fn == sn) {
        h.prependLeft(c, fr);
        h.prependLeft(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        h.appendRight(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw wrongLength(size1, size2, n);
    }
    if (!Arrays.equals(fr, root1.toBytes())) {
      throw new ProofException(
          "consistency proof from size "
              + size1
              + " to "
              + size2
              + " does not match root1: computed "
              + Hash.of(fr)
              + ", expected "
              + root1);
    }
    if (!Arrays.equals(sr, root2.toBytes())) {
      throw new ProofException(
          "consistency proof from size "
              + size1
              + " to "
              + size2
              + " does not match root2: computed "
              + Hash.of(sr)
              + ", expected "
              + root2);
    }
  }

  private static ProofException wrongLength(long size1, long size2, int actual) {
    return new ProofException(
        "consistency proof from size "
            + size1
            + " to "
            + size2
            + " must have "
            + ConsistencyPath.expectedLength(size1, size2)
            + " hashes, got "
            + actual);
  }
}
