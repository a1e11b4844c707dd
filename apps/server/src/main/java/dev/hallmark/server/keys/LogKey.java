package dev.hallmark.server.keys;

import dev.hallmark.core.note.NoteSigner;
import java.security.KeyPair;
import java.security.PublicKey;

/** A log's key pair and its checkpoint signer. */
public record LogKey(KeyPair pair, NoteSigner signer) {
  public PublicKey publicKey() {
    return pair.getPublic();
  }
}
