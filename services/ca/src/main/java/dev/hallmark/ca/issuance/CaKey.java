package dev.hallmark.ca.issuance;

import java.security.PublicKey;
import org.bouncycastle.operator.ContentSigner;

/**
 * A CA signing key: its public half and a way to sign with its private half, wherever that lives
 * (memory, a PKCS#8 file, a PKCS#11 token). Obtain one from {@link CaKeys} or {@link Pkcs11Token}.
 * Implementations are thread-safe; the signers they hand out are not.
 */
public interface CaKey {
  /** The public half of the key. */
  PublicKey publicKey();

  /** The JCA signature algorithm certificates are signed with, e.g. {@code SHA384withECDSA}. */
  String signatureAlgorithm();

  /**
   * Returns a fresh BouncyCastle signer for one certificate (or one TBS). For a token key the
   * signature is computed by the token; the private key never leaves it.
   *
   * @throws CaKeyException if the signer cannot be created (say the token is gone)
   */
  ContentSigner contentSigner() throws CaKeyException;
}
