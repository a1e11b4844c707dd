package dev.hallmark.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A slow, obviously-correct RFC 6962 §2.1 implementation, transcribed from the RFC text with
 * recursion and raw byte arrays, sharing no code with the production classes. MTH results are
 * memoized per range so that trees of 100,000 leaves stay fast.
 */
final class ReferenceMerkle {
  private final List<byte[]> entries;
  private final Map<Range, byte[]> memo = new HashMap<>();

  private record Range(long lo, long hi) {}

  /** A tree over these leaf entries (not yet leaf-hashed). */
  ReferenceMerkle(List<byte[]> entries) {
    this.entries = entries;
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] leaf(byte[] entry) {
    return sha256(new byte[] {0x00}, entry);
  }

  static byte[] node(byte[] left, byte[] right) {
    return sha256(new byte[] {0x01}, left, right);
  }

  /** The largest power of two strictly less than n (n >= 2), by doubling (2k < n, no overflow). */
  static long split(long n) {
    long k = 1;
    while (k < n - k) {
      k *= 2;
    }
    return k;
  }

  /** MTH(D[lo:hi]). */
  byte[] mth(long lo, long hi) {
    long n = hi - lo;
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return leaf(entries.get((int) lo));
    }
    Range key = new Range(lo, hi);
    byte[] cached = memo.get(key);
    if (cached != null) {
      return cached;
    }
    long k = split(n);
    byte[] h = node(mth(lo, lo + k), mth(lo + k, hi));
    memo.put(key, h);
    return h;
  }

  /** PATH(m, D[0:n]), leaf-to-root. */
  List<byte[]> path(long m, long n) {
    return path(m, 0, n);
  }

  private List<byte[]> path(long m, long lo, long hi) {
    long n = hi - lo;
    if (n == 1) {
      return new ArrayList<>();
    }
    long k = split(n);
    List<byte[]> out;
    if (m < k) {
      out = path(m, lo, lo + k);
      out.add(mth(lo + k, hi));
    } else {
      out = path(m - k, lo + k, hi);
      out.add(mth(lo, lo + k));
    }
    return out;
  }

  /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
  List<byte[]> proof(long m, long n) {
    return subproof(m, 0, n, true);
  }

  private List<byte[]> subproof(long m, long lo, long hi, boolean b) {
    long n = hi - lo;
    if (m == n) {
      List<byte[]> out = new ArrayList<>();
      if (!b) {
        out.add(mth(lo, hi));
      }
      return out;
    }
    long k = split(n);
    List<byte[]> out;
    if (m <= k) {
      out = subproof(m, lo, lo + k, b);
      out.add(mth(lo + k, hi));
    } else {
      out = subproof(m - k, lo + k, hi, false);
      out.add(mth(lo, lo + k));
    }
    return out;
  }

  /**
   * The shape of PATH(m, D[0:n]) without any hashing: for each proof hash, leaf-to-root, whether it
   * is the left sibling. Two (index, size) statements with the same shape accept the same proofs.
   */
  static List<Boolean> pathShape(long m, long n) {
    if (n == 1) {
      return new ArrayList<>();
    }
    long k = split(n);
    List<Boolean> out;
    if (m < k) {
      out = pathShape(m, k);
      out.add(false);
    } else {
      out = pathShape(m - k, n - k);
      out.add(true);
    }
    return out;
  }

  /**
   * The shape of PROOF(m, D[0:n]) without hashing, leaf-to-root: "seed" for a node that starts both
   * roots, "left" for a left sibling shared by both trees, "right" for a right sibling in the new
   * tree only. No "seed" means the old root itself is the seed.
   */
  static List<String> proofShape(long m, long n) {
    return proofShape(m, n, true);
  }

  private static List<String> proofShape(long m, long n, boolean b) {
    if (m == n) {
      List<String> out = new ArrayList<>();
      if (!b) {
        out.add("seed");
      }
      return out;
    }
    long k = split(n);
    List<String> out;
    if (m <= k) {
      out = proofShape(m, k, b);
      out.add("right");
    } else {
      out = proofShape(m - k, n - k, false);
      out.add("left");
    }
    return out;
  }
}
