package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Ed25519 / Ed25519ph (empty context) signing; deterministic and thread-safe. */
public final class Ed25519Signer implements Signer {
  private static final byte[] NO_CONTEXT = new byte[0];

  private final KeyDetails details;
  private final PublicKey publicKey;
  private final Ed25519PrivateKeyParameters key;

  /** Creates a signer for PKIX_ED25519 or PKIX_ED25519_PH. */
  public Ed25519Signer(KeyDetails details, PublicKey publicKey, Ed25519PrivateKeyParameters key) {
    this.details = details;
    this.publicKey = publicKey;
    this.key = key;
  }

  @Override
  public KeyDetails details() {
    return details;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    if (details == KeyDetails.PKIX_ED25519_PH) {
      return signDigest(HashAlgorithm.SHA2_512.digest(message));
    }
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0);
    return sig;
  }

  /**
   * Signs a SHA-512 prehash (Ed25519ph).
   *
   * @throws UnsupportedOperationException for pure Ed25519, which cannot sign a digest
   */
  @Override
  public byte[] signDigest(byte[] digest) {
    if (details != KeyDetails.PKIX_ED25519_PH) {
      throw new UnsupportedOperationException("Ed25519 (pure) cannot sign a digest");
    }
    if (digest.length != HashAlgorithm.SHA2_512.length()) {
      throw new IllegalArgumentException("Ed25519ph digest must be 64 bytes (SHA-512)");
    }
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    key.sign(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, digest, 0, digest.length, sig, 0);
    return sig;
  }
}
