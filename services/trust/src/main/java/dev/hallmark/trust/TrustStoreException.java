package dev.hallmark.trust;

/** The repository's storage failed; nothing was published. */
public final class TrustStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public TrustStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
