package dev.hallmark.ca.issuance;

/**
 * The CA certificate chain cannot be loaded, generated, persisted or does not fit its key; the
 * message names the file or certificate and what was wrong.
 */
public final class CaChainException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message naming what was wrong. */
  public CaChainException(String message) {
    super(message);
  }

  /** With a message naming what was wrong and the underlying cause. */
  public CaChainException(String message, Throwable cause) {
    super(message, cause);
  }
}
