package dev.hallmark.core.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hallmark.core.crypto.KeyDetails;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * {@link EcdsaSigner} (with {@link P256BaseMultiplier} and {@link Rfc6979Nonces}) makes the same
 * signatures as BouncyCastle's own ECDSA signer with its RFC 6979 nonces, and RFC 6979's own.
 */
class EcdsaSignerTest {
  private static final ECDomainParameters DOMAIN = EcCurves.P256.domain();
  private static final BigInteger N = DOMAIN.getN();

  @Test
  void signaturesAreBouncyCastlesByteForByte() throws Exception {
    Random random = new Random(256);
    for (int i = 0; i < 300; i++) {
      BigInteger d =
          new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      ECPrivateKeyParameters key = new ECPrivateKeyParameters(d, DOMAIN);
      EcdsaSigner signer = new EcdsaSigner(KeyDetails.PKIX_ECDSA_P256_SHA_256, null, key);
      ECDSASigner reference = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      reference.init(true, key);
      BigInteger[] rs = reference.generateSignature(digest);
      assertArrayEquals(EcdsaDer.encode(rs[0], rs[1]), signer.signDigest(digest), "key " + d);
    }
  }

  @Test
  void p384AndP521SignaturesAreBouncyCastlesToo() throws Exception {
    Random random = new Random(384);
    Object[][] cases = {
      {
        EcCurves.P384,
        KeyDetails.PKIX_ECDSA_P384_SHA_384,
        new org.bouncycastle.crypto.digests.SHA384Digest(),
        48
      },
      {
        EcCurves.P521,
        KeyDetails.PKIX_ECDSA_P521_SHA_512,
        new org.bouncycastle.crypto.digests.SHA512Digest(),
        64
      },
    };
    for (Object[] c : cases) {
      ECDomainParameters domain = ((EcCurves) c[0]).domain();
      for (int i = 0; i < 20; i++) {
        BigInteger d =
            new BigInteger(domain.getN().bitLength() + 8, random)
                .mod(domain.getN().subtract(BigInteger.ONE))
                .add(BigInteger.ONE);
        byte[] digest = new byte[(Integer) c[3]];
        random.nextBytes(digest);
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(d, domain);
        ECDSASigner reference =
            new ECDSASigner(new HMacDSAKCalculator((org.bouncycastle.crypto.Digest) c[2]));
        reference.init(true, key);
        BigInteger[] rs = reference.generateSignature(digest);
        assertArrayEquals(
            EcdsaDer.encode(rs[0], rs[1]),
            new EcdsaSigner((KeyDetails) c[1], null, key).signDigest(digest));
      }
    }
  }

  /** RFC 6979 appendix A.2.5: P-256 with SHA-256, messages "sample" and "test". */
  @Test
  void rfc6979Vectors() throws Exception {
    BigInteger d =
        new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
    EcdsaSigner signer =
        new EcdsaSigner(
            KeyDetails.PKIX_ECDSA_P256_SHA_256, null, new ECPrivateKeyParameters(d, DOMAIN));
    assertRfcSignature(
        signer,
        "sample",
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
    assertRfcSignature(
        signer,
        "test",
        "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
        "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083");
  }

  private static void assertRfcSignature(EcdsaSigner signer, String message, String r, String s)
      throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.US_ASCII));
    byte[] expected = EcdsaDer.encode(new BigInteger(r, 16), new BigInteger(s, 16));
    assertEquals(
        HexFormat.of().formatHex(expected),
        HexFormat.of().formatHex(signer.signDigest(digest)),
        message);
  }
}
