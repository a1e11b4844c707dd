package dev.hallmark.core.merkle.internal;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.HashSource;
import java.util.List;

/**
 * RFC 6962 §2.1.2 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), computed top-down without recursion:
 *
 * <pre>
 * SUBPROOF(m, D[0:n], b) = []                     if m == n and b
 *                        = [MTH(D[0:n])]          if m == n and not b
 * with m &lt; n, k = largest power of two &lt; n:
 *   m &lt;= k:  SUBPROOF(m, D[0:k], b) + [MTH(D[k:n])]
 *   m &gt;  k:  SUBPROOF(m - k, D[k:n], false) + [MTH(D[0:k])]
 * </pre>
 */
public final class ConsistencyPath {
  private ConsistencyPath() {}

  /** PROOF(size1, D[0:size2]), leaf-to-root. Requires {@code 0 < size1 <= size2}. */
  public static List<Hash> compute(HashSource source, long size1, long size2) {
    HashStack out = new HashStack();
    RangeRoot.Lazy hasher = new RangeRoot.Lazy();
    long lo = 0;
    long hi = size2;
    long m = size1; // relative to lo
    boolean b = true;
    while (m != hi - lo) {
      long k = Long.highestOneBit(hi - lo - 1);
      if (m <= k) {
        out.push(RangeRoot.of(source, lo + k, hi, hasher));
        hi = lo + k;
      } else {
        out.push(RangeRoot.of(source, lo, lo + k, hasher));
        lo += k;
        m -= k;
        b = false;
      }
    }
    if (!b) {
      out.push(RangeRoot.of(source, lo, hi, hasher));
    }
    return out.reversed();
  }

  /**
   * Number of hashes in PROOF(size1, D[0:size2]), by the same walk as {@link #compute} without
   * reading any hash. Requires {@code 0 < size1 <= size2}.
   */
  public static int expectedLength(long size1, long size2) {
    int count = 0;
    long length = size2;
    long m = size1;
    boolean b = true;
    while (m != length) {
      long k = Long.highestOneBit(length - 1);
      count++;
      if (m <= k) {
        length = k;
      } else {
        length -= k;
        m -= k;
        b = false;
      }
    }
    return b ? count : count + 1;
  }
}
