package dev.hallmark.ca.identity;

import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Which public keys may be certified, as Fulcio: ECDSA on P-256, P-384 or P-521 (named curves); RSA
 * of 2048 to 4096 bits, a multiple of 8, with public exponent 65537; Ed25519.
 */
public final class KeyPolicy {
  /** The accepted keys, as shown in refusal messages. */
  public static final String ACCEPTED =
      "ECDSA P-256/P-384/P-521, RSA 2048-4096 bits (multiple of 8, e=65537), Ed25519";

  private static final BigInteger F4 = BigInteger.valueOf(65537);

  /** Creates the policy. */
  public KeyPolicy() {}

  /**
   * Parses DER SubjectPublicKeyInfo bytes strictly and checks the key.
   *
   * @return the parsed key
   * @throws KeyPolicyException if the bytes are not a key or the key is not accepted
   */
  public PublicKey check(byte[] spki) throws KeyPolicyException {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki));
    } catch (IOException | RuntimeException e) {
      throw new KeyPolicyException("not a DER SubjectPublicKeyInfo: " + e.getMessage(), e);
    }
    checkInfo(info);
    try {
      return PublicKeys.parseSpki(spki);
    } catch (KeyParseException e) {
      throw new KeyPolicyException("not a valid public key: " + e.getMessage(), e);
    }
  }

  /**
   * Checks {@code key}.
   *
   * @throws KeyPolicyException naming the key and the accepted ones if it is not accepted
   */
  public void check(PublicKey key) throws KeyPolicyException {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
    } catch (RuntimeException e) {
      throw new KeyPolicyException("public key has no SubjectPublicKeyInfo encoding", e);
    }
    if (info == null) {
      throw new KeyPolicyException("public key has no SubjectPublicKeyInfo encoding");
    }
    checkInfo(info);
  }

  private static void checkInfo(SubjectPublicKeyInfo info) throws KeyPolicyException {
    ASN1ObjectIdentifier alg = info.getAlgorithm().getAlgorithm();
    if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      Object params = info.getAlgorithm().getParameters();
      if (!(params instanceof ASN1ObjectIdentifier)) {
        refuse("EC key with explicit or missing curve parameters");
      }
      ASN1ObjectIdentifier curve = (ASN1ObjectIdentifier) params;
      if (!curve.equals(SECObjectIdentifiers.secp256r1)
          && !curve.equals(SECObjectIdentifiers.secp384r1)
          && !curve.equals(SECObjectIdentifiers.secp521r1)) {
        refuse("EC key on curve " + curve);
      }
    } else if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      RSAPublicKey rsa;
      try {
        rsa = RSAPublicKey.getInstance(info.parsePublicKey());
      } catch (IOException | RuntimeException e) {
        throw new KeyPolicyException("malformed RSA public key", e);
      }
      int bits = rsa.getModulus().bitLength();
      if (bits < 2048 || bits > 4096 || bits % 8 != 0) {
        refuse("RSA key of " + bits + " bits");
      }
      if (!F4.equals(rsa.getPublicExponent())) {
        refuse("RSA key with public exponent " + rsa.getPublicExponent());
      }
    } else if (!alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
      refuse("key of algorithm " + alg);
    }
  }

  private static void refuse(String what) throws KeyPolicyException {
    throw new KeyPolicyException(what + " is not accepted; accepted: " + ACCEPTED);
  }
}
