package dev.hallmark.core.advisory;

/**
 * Thrown when bytes are not an advisory this library accepts: not JSON/YAML, an unsupported format
 * version (the message names the supported ones), a schema violation or a failed CSAF mandatory
 * test (the message names the field or the test), or a document over the size limit.
 */
public final class AdvisoryFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public AdvisoryFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public AdvisoryFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
