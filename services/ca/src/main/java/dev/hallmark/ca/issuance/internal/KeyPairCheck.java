package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.issuance.CaKey;
import dev.hallmark.ca.issuance.CaKeyException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import org.bouncycastle.operator.ContentSigner;

/** Proves that a CA key's private half signs what its public half verifies. */
public final class KeyPairCheck {
  private static final byte[] PROBE = "hallmark CA key check".getBytes(StandardCharsets.US_ASCII);

  private KeyPairCheck() {}

  /**
   * Signs a fixed probe with {@code key} and verifies it with {@code key.publicKey()}.
   *
   * @throws CaKeyException naming {@code description} if signing fails or the signature does not
   *     verify (the private key is not the public key's other half)
   */
  public static void check(CaKey key, String description) throws CaKeyException {
    ContentSigner signer = key.contentSigner();
    byte[] signature;
    try (OutputStream out = signer.getOutputStream()) {
      out.write(PROBE);
    } catch (IOException | RuntimeException e) {
      throw new CaKeyException("CA key " + description + " cannot sign: " + e, e);
    }
    try {
      signature = signer.getSignature();
    } catch (RuntimeException e) {
      throw new CaKeyException("CA key " + description + " cannot sign: " + e, e);
    }
    boolean valid;
    try {
      Signature verifier = Signature.getInstance(key.signatureAlgorithm());
      verifier.initVerify(key.publicKey());
      verifier.update(PROBE);
      valid = verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException("CA key " + description + " signature check failed: " + e, e);
    }
    if (!valid) {
      throw new CaKeyException(
          "CA key " + description + ": the private key does not match the public key");
    }
  }
}
