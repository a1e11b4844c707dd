package dev.hallmark.core.merkle.internal;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.ProofException;
import java.util.List;

/** The root implied by an inclusion proof, per RFC 9162 §2.1.3.2. */
public final class InclusionCheck {
  private InclusionCheck() {}

  /**
   * Runs the RFC 9162 §2.1.3.2 loop and returns the computed root, or throws if the index is out of
   * range or the proof has the wrong length for (index, size). Negative values stand for unsigned
   * values of 2<sup>63</sup> and above, which no Hallmark log reaches, and are rejected.
   */
  public static Hash rootFromProof(long index, long size, Hash leafHash, List<Hash> proof)
      throws ProofException {
    if (index < 0 || size < 0) {
      throw new ProofException(
          "index " + index + " and size " + size + " must be in 0..2^63-1 (got a negative value)");
    }
    if (index >= size) {
      throw new ProofException("leaf index " + index + " is not below tree size " + size);
    }
    byte[] r = leafHash.toBytes();
    long fn = index;
    long sn = size - 1;
    NodeHasher h = null;
    for (Hash p : proof) {
      if (sn == 0) {
        throw wrongLength(index, size, proof.size());
      }
      if (h == null) {
        h = NodeHasher.create();
      }
      if ((fn & 1) == 1 || fn == sn) {
        h.prependLeft(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        h.appendRight(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw wrongLength(index, size, proof.size());
    }
    return Hash.of(r);
  }

  /**
   * The length of the only proof that can verify for (index, size): the levels where index and the
   * last index differ, plus one left sibling per set bit above them on the right border.
   */
  public static int expectedLength(long index, long size) {
    long last = size - 1;
    int inner = 64 - Long.numberOfLeadingZeros(index ^ last);
    return inner + Long.bitCount(index >>> inner);
  }

  private static ProofException wrongLength(long index, long size, int actual) {
    return new ProofException(
        "inclusion proof for leaf "
            + index
            + " in a tree of size "
            + size
            + " must have "
            + expectedLength(index, size)
            + " hashes, got "
            + actual);
  }
}
