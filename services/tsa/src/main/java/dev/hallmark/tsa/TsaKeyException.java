package dev.hallmark.tsa;

/** The TSA's key or chain cannot be loaded, generated or used. */
public final class TsaKeyException extends Exception {
  private static final long serialVersionUID = 1L;

  public TsaKeyException(String message) {
    super(message);
  }

  public TsaKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
