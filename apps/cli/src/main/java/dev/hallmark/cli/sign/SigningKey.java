package dev.hallmark.cli.sign;

import dev.hallmark.core.crypto.Signer;
import java.util.Objects;

/**
 * How to sign: keyless (a fresh key certified by the CA for an OIDC identity) or with a managed key
 * the user holds.
 */
sealed interface SigningKey {
  /** Keyless, for the identity in {@code token}. */
  record Keyless(IdToken token) implements SigningKey {
    public Keyless {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * A managed key, in a file or on a PKCS#11 token (the bundle names its public key by a hint, no
   * certificate).
   */
  record Managed(Signer signer) implements SigningKey {
    public Managed {
      Objects.requireNonNull(signer, "signer");
    }
  }
}
