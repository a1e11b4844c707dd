package dev.hallmark.core.note;

/**
 * Verifies note signatures made by one key, identified by the pair ({@link #name()}, {@link
 * #keyId()}). Create with {@link NoteKeys}; implementations are thread-safe.
 */
public interface NoteVerifier {
  /** The key name expected on signature lines. */
  String name();

  /** The 4-byte key ID expected on signature lines. */
  int keyId();

  /**
   * Verifies {@code signature} over the note text bytes.
   *
   * @throws NoteVerificationException if it does not verify
   */
  void verify(byte[] text, byte[] signature) throws NoteVerificationException;
}
