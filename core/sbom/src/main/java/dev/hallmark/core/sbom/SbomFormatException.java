package dev.hallmark.core.sbom;

/**
 * Thrown when bytes are not an SBOM this library accepts: not JSON/XML/tag-value, an unsupported
 * spec version (the message names the supported ones), a schema violation (the message names the
 * field), or a document over the configured limits (oversized, decompression bomb, too deep).
 */
public final class SbomFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public SbomFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public SbomFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
