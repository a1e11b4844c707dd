package dev.hallmark.core.note;

/** Thrown when a signed note does not verify under the known keys. */
public final class NoteVerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public NoteVerificationException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public NoteVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
