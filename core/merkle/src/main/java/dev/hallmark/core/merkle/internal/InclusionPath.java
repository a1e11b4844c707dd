package dev.hallmark.core.merkle.internal;

import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.HashSource;
import java.util.List;

/**
 * RFC 6962 §2.1.1 PATH(m, D[0:n]), computed top-down without recursion:
 *
 * <pre>
 * PATH(m, D[0:1]) = []
 * PATH(m, D[0:n]) = PATH(m, D[0:k]) + [MTH(D[k:n])]       if m &lt; k
 *                 = PATH(m - k, D[k:n]) + [MTH(D[0:k])]   if m &gt;= k
 * </pre>
 *
 * Walking down from the root finds the hashes root-side first, so they are reversed at the end.
 * Only the first step that goes left can need a fold of several pieces; below it every range is a
 * complete subtree, so a proof costs at most ~2·63 source reads.
 */
public final class InclusionPath {
  private InclusionPath() {}

  /** PATH(index, D[0:size]), leaf-to-root. Requires {@code 0 <= index < size}. */
  public static List<Hash> compute(HashSource source, long index, long size) {
    HashStack out = new HashStack();
    RangeRoot.Lazy hasher = new RangeRoot.Lazy();
    long lo = 0;
    long hi = size;
    while (hi - lo > 1) {
      long k = Long.highestOneBit(hi - lo - 1);
      if (index - lo < k) {
        out.push(RangeRoot.of(source, lo + k, hi, hasher));
        hi = lo + k;
      } else {
        out.push(RangeRoot.of(source, lo, lo + k, hasher));
        lo += k;
      }
    }
    return out.reversed();
  }
}
