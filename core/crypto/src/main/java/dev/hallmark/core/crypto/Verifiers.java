package dev.hallmark.core.crypto;

import dev.hallmark.core.crypto.internal.EcdsaVerifier;
import dev.hallmark.core.crypto.internal.Ed25519Verifier;
import dev.hallmark.core.crypto.internal.PublicKeyInfo;
import dev.hallmark.core.crypto.internal.RsaVerifier;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/** Creates {@link SignatureVerifier}s backed by the BouncyCastle lightweight API. */
public final class Verifiers {
  private Verifiers() {}

  /**
   * Converts {@code key} once into a reusable, thread-safe verifier for {@code details}.
   *
   * @throws UnsupportedKeyException if the key's type, curve or size is unsupported or does not
   *     match {@code details} (see {@link PublicKeys#checkMatches})
   */
  public static SignatureVerifier create(PublicKey key, KeyDetails details)
      throws UnsupportedKeyException {
    return create(PublicKeys.checkedInfo(key, details), details);
  }

  /**
   * A verifier straight from DER SubjectPublicKeyInfo bytes, parsed as strictly as {@link
   * PublicKeys#parseSpki} but without a JCA key in between (the hot path of a log that verifies
   * every submission).
   *
   * @throws KeyParseException if the bytes are not a valid DER public key
   * @throws UnsupportedKeyException if the key does not suit {@code details}
   */
  public static SignatureVerifier fromSpki(byte[] der, KeyDetails details)
      throws KeyParseException, UnsupportedKeyException {
    return create(PublicKeys.checkedInfo(der, details), details);
  }

  private static SignatureVerifier create(PublicKeyInfo info, KeyDetails details) {
    switch (info.kind()) {
      case EC:
        return new EcdsaVerifier(details, (ECPublicKeyParameters) info.params());
      case ED25519:
        return new Ed25519Verifier(details, (Ed25519PublicKeyParameters) info.params());
      default:
        return new RsaVerifier(details, (RSAKeyParameters) info.params());
    }
  }
}
