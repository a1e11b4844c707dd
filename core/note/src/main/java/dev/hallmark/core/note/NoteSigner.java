package dev.hallmark.core.note;

/** Signs note texts with one key. Create with {@link NoteKeys}; implementations are thread-safe. */
public interface NoteSigner {
  /** The key name written on the signature line. */
  String name();

  /** The 4-byte key ID (first four bytes of {@link #keyHash()}, big-endian). */
  int keyId();

  /** 32-byte full key hash (Rekor v2 logId / trusted-root checkpointKeyId); a fresh copy. */
  byte[] keyHash();

  /**
   * Signs the note text (the UTF-8 bytes, final newline included) and returns the raw signature.
   */
  byte[] sign(byte[] text);
}
