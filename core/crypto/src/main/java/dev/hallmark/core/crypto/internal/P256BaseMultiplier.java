package dev.hallmark.core.crypto.internal;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * {@code k·G} on P-256 for signing: one precomputed table per 6-bit window of the scalar, so the
 * product is a sum of 43 table points with no doublings, about half the field operations of
 * BouncyCastle's fixed-point comb (which does a doubling and an addition per column).
 *
 * <p>The scalar is recoded into signed digits in [-31, 32]; window {@code i}'s table holds {@code
 * j·2^(6i)·G} for j = 1..32 in affine coordinates, built once (43 × 32 points, 88 KB). Every window
 * costs the same whatever the nonce: each table entry is read and masked (no secret-dependent index
 * or branch), the negation and the "digit is zero" and "sum still empty" cases are selected with
 * masks, and the mixed Jacobian-affine addition is always computed (BouncyCastle's field operations
 * underneath are the ones its own comb uses). The addition formula fails only when the running sum
 * equals ± the table point; for 0 < k < n that cannot happen (the sum of the lower windows is
 * smaller in magnitude than any nonzero point of the next window, and their difference is smaller
 * than n), so the guard that recomputes such a product generically only fires for multiples of the
 * order.
 *
 * <p>Other points and scalars outside [1, 2^256) use the point's own multiplication. Thread-safe.
 */
final class P256BaseMultiplier implements ECMultiplier {
  private static final int W = 6;
  private static final int WINDOWS = (256 + W - 1) / W;
  private static final int ENTRIES = 1 << (W - 1);
  private static final int LONGS = 8;
  private static final int[] ONE = {1, 0, 0, 0, 0, 0, 0, 0};

  private final ECPoint generator;
  private final long[] table;

  private P256BaseMultiplier(ECPoint generator, long[] table) {
    this.generator = generator;
    this.table = table;
  }

  /** Builds the tables for this generator (a few milliseconds); share the instance. */
  static P256BaseMultiplier forGenerator(ECPoint generator) {
    ECPoint g = generator.normalize();
    ECPoint[] points = new ECPoint[WINDOWS * ENTRIES];
    ECPoint base = g;
    for (int i = 0; i < WINDOWS; i++) {
      ECPoint p = base;
      for (int j = 0; j < ENTRIES; j++) {
        points[i * ENTRIES + j] = p;
        p = p.add(base);
      }
      base = base.timesPow2(W);
    }
    g.getCurve().normalizeAll(points);
    // Two limbs per long halves the masked reads of a lookup.
    long[] table = new long[points.length * LONGS];
    for (int e = 0; e < points.length; e++) {
      int[] x = SecP256R1Field.fromBigInteger(points[e].getAffineXCoord().toBigInteger());
      int[] y = SecP256R1Field.fromBigInteger(points[e].getAffineYCoord().toBigInteger());
      for (int l = 0; l < 4; l++) {
        table[e * LONGS + l] = pack(x, l);
        table[e * LONGS + 4 + l] = pack(y, l);
      }
    }
    return new P256BaseMultiplier(g, table);
  }

  @Override
  public ECPoint multiply(ECPoint p, BigInteger k) {
    if (!p.equals(generator) || k.signum() <= 0 || k.bitLength() > 256) {
      return p.multiply(k);
    }
    int[] scalar = Nat256.fromBigInteger(k);
    int[] x = new int[8];
    int[] y = new int[8];
    int[] z = new int[8];
    int[] px = new int[8];
    int[] py = new int[8];
    int[] negY = new int[8];
    long[] entry = new long[LONGS];
    Scratch s = new Scratch();
    int sumEmpty = -1;
    int exceptional = 0;
    int carry = 0;
    for (int i = 0; i < WINDOWS; i++) {
      int v = window(scalar, i * W) + carry;
      // v in [0, 64]: above 32 it becomes v - 64 with a carry into the next window.
      carry = (ENTRIES - v) >>> 31;
      int digit = v - (carry << W);
      int negative = digit >> 31;
      int magnitude = (digit ^ negative) - negative;
      int digitZero = ((magnitude - 1) >> 31);
      select(i, magnitude, entry, px, py);
      SecP256R1Field.negate(py, negY);
      blend(negative, negY, py);
      exceptional |= addMixed(x, y, z, px, py, s) & ~sumEmpty & ~digitZero;
      // digit zero: keep the sum; sum empty: the table point; otherwise the new sum (in s).
      int takePoint = sumEmpty & ~digitZero;
      int takeSum = ~sumEmpty & ~digitZero;
      blend(takeSum, s.x3, x);
      blend(takeSum, s.y3, y);
      blend(takeSum, s.z3, z);
      blend(takePoint, px, x);
      blend(takePoint, py, y);
      blend(takePoint, ONE, z);
      sumEmpty &= digitZero;
    }
    if (exceptional != 0 || sumEmpty != 0 || carry != 0) {
      return p.multiply(k);
    }
    int[] zInv = new int[8];
    int[] zInv2 = new int[8];
    SecP256R1Field.inv(z, zInv);
    SecP256R1Field.square(zInv, zInv2);
    SecP256R1Field.multiply(x, zInv2, x);
    SecP256R1Field.multiply(zInv2, zInv, zInv2);
    SecP256R1Field.multiply(y, zInv2, y);
    return generator.getCurve().createPoint(Nat256.toBigInteger(x), Nat256.toBigInteger(y));
  }

  /** The W bits of the scalar starting at {@code bit} (bits past 255 read as zero). */
  private static int window(int[] scalar, int bit) {
    int v = 0;
    for (int b = W - 1; b >= 0; b--) {
      int q = bit + b;
      int value = q < 256 ? (scalar[q >>> 5] >>> (q & 31)) & 1 : 0;
      v = (v << 1) | value;
    }
    return v;
  }

  private static long pack(int[] limbs, int pair) {
    return (limbs[2 * pair] & 0xffffffffL) | ((long) limbs[2 * pair + 1] << 32);
  }

  /** Copies entry {@code magnitude} (1..32) of window {@code w} into px/py; zeros for 0. */
  private void select(int w, int magnitude, long[] entry, int[] px, int[] py) {
    Arrays.fill(entry, 0);
    int base = w * ENTRIES * LONGS;
    for (int j = 0; j < ENTRIES; j++) {
      long mask = ((j + 1) ^ magnitude) - 1 >> 31;
      int off = base + j * LONGS;
      for (int l = 0; l < LONGS; l++) {
        entry[l] |= table[off + l] & mask;
      }
    }
    for (int l = 0; l < 4; l++) {
      px[2 * l] = (int) entry[l];
      px[2 * l + 1] = (int) (entry[l] >>> 32);
      py[2 * l] = (int) entry[4 + l];
      py[2 * l + 1] = (int) (entry[4 + l] >>> 32);
    }
  }

  /** to = mask ? from : to, limb by limb (mask is 0 or -1). */
  private static void blend(int mask, int[] from, int[] to) {
    for (int l = 0; l < 8; l++) {
      to[l] = (from[l] & mask) | (to[l] & ~mask);
    }
  }

  /**
   * s.(x3, y3, z3) = (x1, y1, z1) + (x2, y2), Jacobian plus affine, 8 multiplications and 3
   * squarings. Returns -1 when the x coordinates agree (the formula's exceptional case), else 0.
   */
  private static int addMixed(int[] x1, int[] y1, int[] z1, int[] x2, int[] y2, Scratch s) {
    int[] tt = s.tt;
    SecP256R1Field.square(z1, s.z1z1, tt);
    SecP256R1Field.multiply(x2, s.z1z1, s.u2, tt);
    SecP256R1Field.multiply(z1, s.z1z1, s.s2, tt);
    SecP256R1Field.multiply(y2, s.s2, s.s2, tt);
    SecP256R1Field.subtract(s.u2, x1, s.h);
    SecP256R1Field.subtract(s.s2, y1, s.r);
    SecP256R1Field.square(s.h, s.hh, tt);
    SecP256R1Field.multiply(s.h, s.hh, s.hhh, tt);
    SecP256R1Field.multiply(x1, s.hh, s.v, tt);
    SecP256R1Field.square(s.r, s.x3, tt);
    SecP256R1Field.subtract(s.x3, s.hhh, s.x3);
    SecP256R1Field.twice(s.v, s.u2);
    SecP256R1Field.subtract(s.x3, s.u2, s.x3);
    SecP256R1Field.subtract(s.v, s.x3, s.v);
    SecP256R1Field.multiply(s.r, s.v, s.y3, tt);
    SecP256R1Field.multiply(y1, s.hhh, s.s2, tt);
    SecP256R1Field.subtract(s.y3, s.s2, s.y3);
    SecP256R1Field.multiply(z1, s.h, s.z3, tt);
    int any = 0;
    for (int l = 0; l < 8; l++) {
      any |= s.h[l];
    }
    return (any - 1 & ~any) >> 31;
  }

  /** Temporaries of one multiplication. */
  private static final class Scratch {
    final int[] tt = new int[16];
    final int[] z1z1 = new int[8];
    final int[] u2 = new int[8];
    final int[] s2 = new int[8];
    final int[] h = new int[8];
    final int[] r = new int[8];
    final int[] hh = new int[8];
    final int[] hhh = new int[8];
    final int[] v = new int[8];
    final int[] x3 = new int[8];
    final int[] y3 = new int[8];
    final int[] z3 = new int[8];
  }
}
