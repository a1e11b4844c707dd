package dev.hallmark.core.note.internal;

import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.note.NoteVerificationException;
import dev.hallmark.core.note.NoteVerifier;

/** A note verifier over a {@link SignatureVerifier} that verifies over the text. Thread-safe. */
public final class CryptoNoteVerifier implements NoteVerifier {
  private final String name;
  private final int keyId;
  private final SignatureVerifier verifier;

  /** Creates a verifier for the (name, keyId) pair. */
  public CryptoNoteVerifier(String name, int keyId, SignatureVerifier verifier) {
    this.name = name;
    this.keyId = keyId;
    this.verifier = verifier;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int keyId() {
    return keyId;
  }

  @Override
  public void verify(byte[] text, byte[] signature) throws NoteVerificationException {
    try {
      verifier.verify(text, signature);
    } catch (SignatureCheckException e) {
      throw new NoteVerificationException(
          String.format(
              "signature by %s+%08x (%s) does not verify: %s",
              name, keyId, verifier.details(), e.getMessage()),
          e);
    }
  }

  @Override
  public String toString() {
    return String.format("NoteVerifier[%s+%08x %s]", name, keyId, verifier.details());
  }
}
