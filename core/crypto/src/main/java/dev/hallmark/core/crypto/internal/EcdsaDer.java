package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.SignatureCheckException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/** The ASN.1 DER {@code Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }} encoding. */
public final class EcdsaDer {
  private EcdsaDer() {}

  /** Encodes (r, s) as DER. */
  public static byte[] encode(BigInteger r, BigInteger s) {
    try {
      return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }

  /**
   * Decodes a DER signature and checks 1 &le; r, s &lt; n.
   *
   * @throws SignatureCheckException if the bytes are not exactly the DER encoding of two integers
   *     (BER forms, trailing bytes, extra elements), or r or s is out of range
   */
  public static BigInteger[] decode(byte[] sig, BigInteger n) throws SignatureCheckException {
    BigInteger r;
    BigInteger s;
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(sig));
      if (seq.size() != 2) {
        throw new SignatureCheckException("signature is not DER: expected 2 integers");
      }
      r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
      s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
    } catch (IOException | RuntimeException e) {
      throw new SignatureCheckException("signature is not DER", e);
    }
    if (!Arrays.equals(encode(r, s), sig)) {
      throw new SignatureCheckException("signature is not DER (non-canonical encoding)");
    }
    if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
      throw new SignatureCheckException("ECDSA signature r or s out of range");
    }
    return new BigInteger[] {r, s};
  }
}
