package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.SignatureVerifier;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * RSA verification (RFC 8017) with SHA-256: PKCS#1 v1.5 by comparing the whole re-built encoded
 * message, as Go does; PSS with MGF1-SHA-256 and any salt length (Go's {@code PSSSaltLengthAuto}).
 * Thread-safe.
 */
public final class RsaVerifier implements SignatureVerifier {
  /** DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
  static final byte[] SHA256_DIGEST_INFO = {
    0x30,
    0x31,
    0x30,
    0x0d,
    0x06,
    0x09,
    0x60,
    (byte) 0x86,
    0x48,
    0x01,
    0x65,
    0x03,
    0x04,
    0x02,
    0x01,
    0x05,
    0x00,
    0x04,
    0x20
  };

  private static final int H_LEN = 32;

  private final KeyDetails details;
  private final BigInteger n;
  private final BigInteger e;
  private final int k;

  /** Creates a verifier for an RSA details value. */
  public RsaVerifier(KeyDetails details, RSAKeyParameters key) {
    this.details = details;
    this.n = key.getModulus();
    this.e = key.getExponent();
    this.k = (n.bitLength() + 7) / 8;
  }

  @Override
  public KeyDetails details() {
    return details;
  }

  @Override
  public void verify(byte[] message, byte[] signature) throws SignatureCheckException {
    verifyDigest(HashAlgorithm.SHA2_256.digest(message), signature);
  }

  @Override
  public void verifyDigest(byte[] digest, byte[] signature) throws SignatureCheckException {
    Digests.checkLength(details, digest);
    if (signature.length != k) {
      throw new SignatureCheckException(
          "RSA signature has " + signature.length + " bytes, expected " + k);
    }
    BigInteger s = new BigInteger(1, signature);
    if (s.compareTo(n) >= 0) {
      throw new SignatureCheckException("RSA signature is not smaller than the modulus");
    }
    BigInteger m = s.modPow(e, n);
    if (details.name().startsWith("PKIX_RSA_PSS")) {
      verifyPss(digest, m);
    } else {
      verifyPkcs1(digest, m);
    }
  }

  private void verifyPkcs1(byte[] digest, BigInteger m) throws SignatureCheckException {
    byte[] em = BigIntegers.asUnsignedByteArray(k, m);
    byte[] expected = new byte[k];
    int tLen = SHA256_DIGEST_INFO.length + digest.length;
    expected[1] = 0x01;
    Arrays.fill(expected, 2, k - tLen - 1, (byte) 0xff);
    System.arraycopy(SHA256_DIGEST_INFO, 0, expected, k - tLen, SHA256_DIGEST_INFO.length);
    System.arraycopy(digest, 0, expected, k - digest.length, digest.length);
    if (!MessageDigest.isEqual(em, expected)) {
      throw new SignatureCheckException("RSA PKCS#1 v1.5 signature does not verify");
    }
  }

  /** EMSA-PSS-VERIFY, RFC 8017 §9.1.2, salt length recovered from the encoded message. */
  private void verifyPss(byte[] mHash, BigInteger m) throws SignatureCheckException {
    int emBits = n.bitLength() - 1;
    int emLen = (emBits + 7) / 8;
    if (m.bitLength() > emBits || emLen < H_LEN + 2) {
      throw new SignatureCheckException("RSA PSS signature does not verify (bad encoding)");
    }
    byte[] em = BigIntegers.asUnsignedByteArray(emLen, m);
    if (em[emLen - 1] != (byte) 0xbc) {
      throw new SignatureCheckException("RSA PSS signature does not verify (no 0xbc trailer)");
    }
    int dbLen = emLen - H_LEN - 1;
    byte[] h = Arrays.copyOfRange(em, dbLen, dbLen + H_LEN);
    byte[] db = mgf1(h, dbLen);
    for (int i = 0; i < dbLen; i++) {
      db[i] ^= em[i];
    }
    int zeroBits = 8 * emLen - emBits;
    db[0] &= (byte) (0xff >>> zeroBits);
    int i = 0;
    while (i < dbLen && db[i] == 0) {
      i++;
    }
    if (i == dbLen || db[i] != 0x01) {
      throw new SignatureCheckException("RSA PSS signature does not verify (bad padding)");
    }
    MessageDigest sha = HashAlgorithm.SHA2_256.newDigest();
    sha.update(new byte[8]);
    sha.update(mHash);
    sha.update(db, i + 1, dbLen - i - 1);
    if (!MessageDigest.isEqual(sha.digest(), h)) {
      throw new SignatureCheckException("RSA PSS signature does not verify");
    }
  }

  private static byte[] mgf1(byte[] seed, int len) {
    MessageDigest sha = HashAlgorithm.SHA2_256.newDigest();
    byte[] out = new byte[len];
    int pos = 0;
    for (int counter = 0; pos < len; counter++) {
      sha.update(seed);
      sha.update(
          new byte[] {
            (byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter
          });
      byte[] block = sha.digest();
      int n = Math.min(block.length, len - pos);
      System.arraycopy(block, 0, out, pos, n);
      pos += n;
    }
    return out;
  }
}
