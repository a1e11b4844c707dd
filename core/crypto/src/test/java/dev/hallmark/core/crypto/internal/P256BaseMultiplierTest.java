package dev.hallmark.core.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The windowed P-256 base-point multiplier against BouncyCastle's generic multiplication ({@link
 * EcdsaSignerTest} checks the signatures made with it).
 */
class P256BaseMultiplierTest {
  private static final ECDomainParameters DOMAIN = EcCurves.P256.domain();
  private static final BigInteger N = DOMAIN.getN();
  private static final ECPoint G = DOMAIN.getG();
  private static final P256BaseMultiplier MULTIPLIER = P256BaseMultiplier.forGenerator(G);

  @Test
  void agreesWithGenericMultiplicationOnRandomScalars() {
    Random random = new Random(6979);
    for (int i = 0; i < 2000; i++) {
      BigInteger k =
          new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      assertSameProduct(k);
    }
  }

  @Test
  void agreesOnScalarsThatStressTheRecoding() {
    List<BigInteger> scalars = new ArrayList<>();
    for (long small = 1; small <= 200; small++) {
      scalars.add(BigInteger.valueOf(small));
    }
    for (int shift = 0; shift < 256; shift++) {
      scalars.add(BigInteger.ONE.shiftLeft(shift));
      scalars.add(BigInteger.ONE.shiftLeft(shift).subtract(BigInteger.ONE).max(BigInteger.ONE));
    }
    for (int window = 0; window < 43; window++) {
      for (int digit : new int[] {31, 32, 33, 63}) {
        scalars.add(BigInteger.valueOf(digit).shiftLeft(6 * window));
      }
    }
    // Every window 32 (largest positive digit), 33 and 63 (negative digits and carries into the
    // next window all the way up).
    for (int digit : new int[] {32, 33, 63}) {
      BigInteger k = BigInteger.ZERO;
      for (int window = 0; window < 42; window++) {
        k = k.or(BigInteger.valueOf(digit).shiftLeft(6 * window));
      }
      scalars.add(k);
    }
    for (long below = 1; below <= 70; below++) {
      scalars.add(N.subtract(BigInteger.valueOf(below)));
    }
    scalars.add(N.shiftRight(1));
    scalars.add(N.shiftRight(1).add(BigInteger.ONE));
    // Above the order but within 256 bits: the product is G·(k mod n).
    scalars.add(N.add(BigInteger.ONE));
    scalars.add(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    for (BigInteger k : scalars) {
      assertSameProduct(k);
    }
  }

  @Test
  void theOrderGivesInfinityByTheGuardedPath() {
    assertTrue(MULTIPLIER.multiply(G, N).isInfinity());
  }

  @Test
  void otherPointsAndScalarsGoToTheComb() {
    ECPoint p = G.multiply(BigInteger.valueOf(12345)).normalize();
    BigInteger k = new BigInteger("987654321987654321987654321");
    assertEquals(p.multiply(k).normalize(), MULTIPLIER.multiply(p, k).normalize());
    BigInteger wide = BigInteger.ONE.shiftLeft(300).add(BigInteger.TEN);
    assertEquals(G.multiply(wide).normalize(), MULTIPLIER.multiply(G, wide).normalize());
  }

  private static void assertSameProduct(BigInteger k) {
    ECPoint expected = G.multiply(k).normalize();
    ECPoint actual = MULTIPLIER.multiply(G, k).normalize();
    assertEquals(expected, actual, "k = " + k.toString(16));
  }
}
