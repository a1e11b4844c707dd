package dev.hallmark.ca.identity;

/** A proof of possession does not verify; the message says what was tried. */
public final class ProofOfPossessionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was wrong. */
  public ProofOfPossessionException(String message) {
    super(message);
  }
}
