package dev.hallmark.ca.identity.internal;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The signature schemes a proof of possession may use with a key that passed {@link
 * dev.hallmark.ca.identity.KeyPolicy}: ECDSA (DER) over SHA-256 on every curve and also with the
 * curve's own hash (P-384: SHA-384, P-521: SHA-512); RSA PKCS#1 v1.5 with SHA-256; pure Ed25519.
 * Hallmark's crypto core handles the standard schemes; ECDSA over SHA-256 on P-384/P-521 and RSA
 * sizes between the standard ones are verified here with BouncyCastle.
 */
public final class PopSignatures {
  private PopSignatures() {}

  /** A short description of what was tried for {@code key}, for refusal messages. */
  public static String schemes(PublicKey key) {
    if (key instanceof ECPublicKey) {
      return "ECDSA (DER) with SHA-256 or the curve's hash";
    }
    if (key instanceof RSAPublicKey) {
      return "RSA PKCS#1 v1.5 with SHA-256";
    }
    return "Ed25519";
  }

  /** True if {@code signature} is a valid signature by {@code key} over {@code message}. */
  public static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
    try {
      if (key instanceof ECPublicKey) {
        KeyDetails curveDefault = PublicKeys.defaultDetails(key);
        if (core(key, curveDefault, message, signature)) {
          return true;
        }
        return curveDefault.hashAlgorithm() != HashAlgorithm.SHA2_256
            && ecdsaSha256(key, message, signature);
      }
      if (key instanceof RSAPublicKey) {
        int bits = ((RSAPublicKey) key).getModulus().bitLength();
        KeyDetails details =
            bits == 2048
                ? KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256
                : bits == 3072
                    ? KeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256
                    : bits == 4096 ? KeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256 : null;
        return details != null
            ? core(key, details, message, signature)
            : rsaSha256(key, message, signature);
      }
      return core(key, KeyDetails.PKIX_ED25519, message, signature);
    } catch (UnsupportedKeyException | IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean core(PublicKey key, KeyDetails details, byte[] message, byte[] sig)
      throws UnsupportedKeyException {
    try {
      Verifiers.create(key, details).verify(message, sig);
      return true;
    } catch (SignatureCheckException e) {
      return false;
    }
  }

  private static boolean ecdsaSha256(PublicKey key, byte[] message, byte[] sig) throws IOException {
    ECPublicKeyParameters params =
        (ECPublicKeyParameters) PublicKeyFactory.createKey(key.getEncoded());
    BigInteger n = params.getParameters().getN();
    ASN1Primitive parsed = ASN1Primitive.fromByteArray(sig);
    if (!(parsed instanceof ASN1Sequence)
        || !Arrays.equals(parsed.getEncoded(ASN1Encoding.DER), sig)) {
      return false;
    }
    ASN1Sequence seq = (ASN1Sequence) parsed;
    if (seq.size() != 2
        || !(seq.getObjectAt(0) instanceof ASN1Integer)
        || !(seq.getObjectAt(1) instanceof ASN1Integer)) {
      return false;
    }
    BigInteger r = ((ASN1Integer) seq.getObjectAt(0)).getValue();
    BigInteger s = ((ASN1Integer) seq.getObjectAt(1)).getValue();
    if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, params);
    return verifier.verifySignature(HashAlgorithm.SHA2_256.digest(message), r, s);
  }

  private static boolean rsaSha256(PublicKey key, byte[] message, byte[] sig) throws IOException {
    AsymmetricKeyParameter params = PublicKeyFactory.createKey(key.getEncoded());
    RSADigestSigner verifier = new RSADigestSigner(new SHA256Digest());
    verifier.init(false, params);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(sig);
  }
}
