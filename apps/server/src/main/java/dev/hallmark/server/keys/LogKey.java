package dev.hallmark.server.keys;

import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.note.NoteSigner;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A log's key: {@code signer} signs what the log's API signs itself (SETs, SCTs, tree heads),
 * {@code noteSigner} its checkpoints. Both use the same key, in memory or inside a PKCS#11 token.
 */
public record LogKey(Signer signer, NoteSigner noteSigner) {
  public LogKey {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(noteSigner, "noteSigner");
  }

  public PublicKey publicKey() {
    return signer.publicKey();
  }
}
