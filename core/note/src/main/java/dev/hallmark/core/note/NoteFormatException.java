package dev.hallmark.core.note;

/**
 * Thrown when a signed note, checkpoint or verifier key is malformed; the message names what was
 * wrong.
 */
public final class NoteFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public NoteFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public NoteFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
