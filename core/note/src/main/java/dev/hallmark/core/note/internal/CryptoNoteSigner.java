package dev.hallmark.core.note.internal;

import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.note.NoteSigner;

/**
 * A note signer over a {@link Signer}: Ed25519 signs the text, ECDSA P-256 signs SHA-256 of the
 * text (the crypto signer hashes). Thread-safe.
 */
public final class CryptoNoteSigner implements NoteSigner {
  private final String name;
  private final byte[] keyHash;
  private final Signer signer;
  private final byte[] rawEd25519Key;

  /**
   * @param rawEd25519Key the 32-byte Ed25519 public key (for {@code vkey}), or null
   */
  public CryptoNoteSigner(String name, byte[] keyHash, Signer signer, byte[] rawEd25519Key) {
    this.name = name;
    this.keyHash = keyHash.clone();
    this.signer = signer;
    this.rawEd25519Key = rawEd25519Key == null ? null : rawEd25519Key.clone();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int keyId() {
    return KeyHashes.keyId(keyHash);
  }

  @Override
  public byte[] keyHash() {
    return keyHash.clone();
  }

  @Override
  public byte[] sign(byte[] text) {
    return signer.sign(text);
  }

  /** The raw Ed25519 public key, or null for other key types. */
  public byte[] rawEd25519Key() {
    return rawEd25519Key == null ? null : rawEd25519Key.clone();
  }
}
