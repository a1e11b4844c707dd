package dev.hallmark.core.crypto.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * Deterministic ECDSA nonces, RFC 6979 section 3.2, with the JDK's HMAC (whose SHA-2 runs on the
 * CPU's SHA instructions where it has them; BouncyCastle's own HMAC-DRBG is plain Java and cost an
 * eighth of a P-256 signature). The nonces are the same as BouncyCastle's {@code
 * HMacDSAKCalculator}'s. One instance per signature; not thread-safe.
 */
final class Rfc6979Nonces implements DSAKCalculator {
  private static final byte[] ZERO = {0x00};
  private static final byte[] ONE = {0x01};
  private final String macAlgorithm;
  private final Mac mac;
  private BigInteger n;
  private byte[] k;
  private byte[] v;

  /**
   * @param macAlgorithm the JCA HMAC name for the signature's hash, e.g. {@code HmacSHA256}
   */
  Rfc6979Nonces(String macAlgorithm) {
    this.macAlgorithm = macAlgorithm;
    try {
      this.mac = Mac.getInstance(macAlgorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(macAlgorithm + " is missing from this JDK", e);
    }
  }

  @Override
  public boolean isDeterministic() {
    return true;
  }

  @Override
  public void init(BigInteger n, SecureRandom random) {
    throw new IllegalStateException("RFC 6979 nonces are derived from the key and message");
  }

  @Override
  public void init(BigInteger n, BigInteger d, byte[] message) {
    this.n = n;
    int length = BigIntegers.getUnsignedByteLength(n);
    byte[] x = BigIntegers.asUnsignedByteArray(length, d);
    BigInteger h = bitsToInt(message);
    if (h.compareTo(n) >= 0) {
      h = h.subtract(n);
    }
    byte[] h1 = BigIntegers.asUnsignedByteArray(length, h);
    int hlen = mac.getMacLength();
    v = new byte[hlen];
    Arrays.fill(v, (byte) 0x01);
    k = new byte[hlen];
    k = hmac(k, v, ZERO, x, h1);
    v = hmac(k, v);
    k = hmac(k, v, ONE, x, h1);
    v = hmac(k, v);
    Arrays.fill(x, (byte) 0);
  }

  @Override
  public BigInteger nextK() {
    int length = BigIntegers.getUnsignedByteLength(n);
    byte[] t = new byte[length];
    while (true) {
      int filled = 0;
      while (filled < length) {
        v = hmac(k, v);
        int take = Math.min(v.length, length - filled);
        System.arraycopy(v, 0, t, filled, take);
        filled += take;
      }
      BigInteger candidate = bitsToInt(t);
      if (candidate.signum() > 0 && candidate.compareTo(n) < 0) {
        return candidate;
      }
      k = hmac(k, v, ZERO);
      v = hmac(k, v);
    }
  }

  /** The leftmost bitlength(n) bits of {@code bits} as a non-negative integer. */
  private BigInteger bitsToInt(byte[] bits) {
    BigInteger value = new BigInteger(1, bits);
    int excess = bits.length * 8 - n.bitLength();
    return excess > 0 ? value.shiftRight(excess) : value;
  }

  /** HMAC under {@code key} of the concatenated {@code parts}. */
  private byte[] hmac(byte[] key, byte[]... parts) {
    try {
      mac.init(new SecretKeySpec(key, macAlgorithm));
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }
}
