package dev.hallmark.analyzer;

/**
 * An uploaded document was refused (not an SBOM/advisory, unsupported version, schema violation,
 * over a limit); the message names what was wrong and nothing was stored.
 */
public final class RejectedDocumentException extends Exception {
  private static final long serialVersionUID = 1L;

  public RejectedDocumentException(String message) {
    super(message);
  }

  public RejectedDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
