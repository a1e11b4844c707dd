package dev.hallmark.core.merkle;

/**
 * A Merkle proof did not verify. The message names the check that failed and, where a root was
 * computed, shows both the computed and the expected root.
 */
public final class ProofException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message describing the failed check. */
  public ProofException(String message) {
    super(message);
  }
}
