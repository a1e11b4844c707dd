package dev.hallmark.core.tuf;

/** Thrown when TUF metadata (or a detached signature) is not well-formed; says what was wrong. */
public final class MetadataFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public MetadataFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public MetadataFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
