package dev.hallmark.core.ct;

/**
 * Thrown when bytes are not a well-formed RFC 6962 structure (SCT, SCT list, Merkle tree leaf) or a
 * certificate lacks or misuses a CT extension. The message names the field that was wrong.
 */
public final class CtFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public CtFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public CtFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
