package dev.hallmark.core.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ECDSA signatures must be exact DER with r and s in [1, n-1]. */
class EcdsaSignatureEncodingTest {
  private static final KeyDetails P256 = KeyDetails.PKIX_ECDSA_P256_SHA_256;
  private static final BigInteger N = CustomNamedCurves.getByName("secp256r1").getN();
  private final byte[] message = "der".getBytes(StandardCharsets.UTF_8);
  private SignatureVerifier verifier;
  private BigInteger r;
  private BigInteger s;
  private byte[] sig;

  @BeforeEach
  void sign() throws Exception {
    KeyPair pair = TestKeys.of(P256);
    verifier = Verifiers.create(pair.getPublic(), P256);
    sig = Signers.create(pair, P256).sign(message);
    ASN1Sequence seq = ASN1Sequence.getInstance(sig);
    r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
    s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
    verifier.verify(message, der(r, s));
  }

  private static byte[] der(BigInteger... ints) throws Exception {
    ASN1Integer[] items = new ASN1Integer[ints.length];
    for (int i = 0; i < ints.length; i++) {
      items[i] = new ASN1Integer(ints[i]);
    }
    return new DERSequence(items).getEncoded();
  }

  private void rejects(byte[] candidate, String messagePart) {
    assertThatThrownBy(() -> verifier.verify(message, candidate))
        .isInstanceOf(SignatureCheckException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void trailingBytes() {
    rejects(Arrays.copyOf(sig, sig.length + 1), "not DER");
  }

  @Test
  void berLongFormLength() {
    byte[] ber = new byte[sig.length + 1];
    ber[0] = 0x30;
    ber[1] = (byte) 0x81;
    System.arraycopy(sig, 1, ber, 2, sig.length - 1);
    rejects(ber, "not DER");
  }

  @Test
  void rawRsConcatenationIsNotDer() {
    byte[] raw = new byte[64];
    byte[] rb = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, r);
    byte[] sb = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, s);
    System.arraycopy(rb, 0, raw, 0, 32);
    System.arraycopy(sb, 0, raw, 32, 32);
    rejects(raw, "not DER");
  }

  @Test
  void wrongElementCount() throws Exception {
    rejects(der(r), "not DER");
    rejects(der(r, s, BigInteger.ONE), "not DER");
  }

  @Test
  void outOfRange() throws Exception {
    rejects(der(BigInteger.ZERO, s), "out of range");
    rejects(der(r, N), "out of range");
    rejects(der(r.add(N), s), "out of range");
    rejects(der(r, s.negate()), "out of range");
  }

  @Test
  void validButWrong() throws Exception {
    rejects(der(s, r), "does not verify");
  }
}
