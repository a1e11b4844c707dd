package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.SignatureVerifier;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032) verification, pure ({@link KeyDetails#PKIX_ED25519}) or prehashed with SHA-512
 * and an empty context ({@link KeyDetails#PKIX_ED25519_PH}); thread-safe.
 */
public final class Ed25519Verifier implements SignatureVerifier {
  private static final byte[] NO_CONTEXT = new byte[0];

  private final KeyDetails details;
  private final Ed25519PublicKeyParameters key;

  /** Creates a verifier for {@code details} PKIX_ED25519 or PKIX_ED25519_PH. */
  public Ed25519Verifier(KeyDetails details, Ed25519PublicKeyParameters key) {
    this.details = details;
    this.key = key;
  }

  @Override
  public KeyDetails details() {
    return details;
  }

  @Override
  public void verify(byte[] message, byte[] signature) throws SignatureCheckException {
    if (details == KeyDetails.PKIX_ED25519_PH) {
      verifyDigest(HashAlgorithm.SHA2_512.digest(message), signature);
      return;
    }
    checkLength(signature);
    if (!key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0)) {
      throw new SignatureCheckException("Ed25519 signature does not verify");
    }
  }

  @Override
  public void verifyDigest(byte[] digest, byte[] signature) throws SignatureCheckException {
    if (details != KeyDetails.PKIX_ED25519_PH) {
      throw new SignatureCheckException(
          "Ed25519 (pure) signs the message itself and cannot be verified against a digest");
    }
    Digests.checkLength(details, digest);
    checkLength(signature);
    if (!key.verify(
        Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, digest, 0, digest.length, signature, 0)) {
      throw new SignatureCheckException("Ed25519ph signature does not verify");
    }
  }

  private static void checkLength(byte[] signature) throws SignatureCheckException {
    if (signature.length != Ed25519.SIGNATURE_SIZE) {
      throw new SignatureCheckException(
          "Ed25519 signature has " + signature.length + " bytes, expected 64");
    }
  }
}
