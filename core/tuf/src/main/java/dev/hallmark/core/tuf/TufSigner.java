package dev.hallmark.core.tuf;

import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.UnsupportedKeyException;

/**
 * Signs canonical TUF metadata bytes with one key. Implement it over a file key, a PKCS#11 token or
 * a remote KMS; {@link #of} adapts a {@link Signer} from {@code core/crypto}.
 */
public interface TufSigner {
  /** The public key, exactly as it is (or will be) listed in root metadata. */
  TufKey key();

  /** Signs {@code canonicalSigned} as the key's TUF scheme requires. */
  byte[] sign(byte[] canonicalSigned);

  /** The id of {@link #key()}. */
  default String keyId() {
    return key().keyId();
  }

  /**
   * Adapts {@code signer}: ECDSA P-256/P-384 (DER signatures over SHA-256/384), Ed25519, RSA-PSS
   * SHA-256.
   *
   * @throws UnsupportedKeyException if the signer's scheme has no TUF equivalent here
   */
  static TufSigner of(Signer signer) throws UnsupportedKeyException {
    TufKey key = TufKey.of(signer.publicKey());
    boolean matches =
        signer.details().isEcdsa()
            || signer.details().isEd25519() && !signer.details().name().endsWith("_PH")
            || signer.details().name().startsWith("PKIX_RSA_PSS_");
    if (!matches) {
      throw new UnsupportedKeyException(
          "no TUF scheme for " + signer.details() + "; use ECDSA, Ed25519 or RSA-PSS");
    }
    return new TufSigner() {
      @Override
      public TufKey key() {
        return key;
      }

      @Override
      public byte[] sign(byte[] canonicalSigned) {
        return signer.sign(canonicalSigned);
      }
    };
  }
}
