package dev.hallmark.tlog.internal.sequencer;

/**
 * What storage returned does not match what was written, or a new root is not consistent with the
 * last signed checkpoint. The sequencer stops: signing anything now could fork the log.
 */
final class IntegrityException extends Exception {
  private static final long serialVersionUID = 1L;

  IntegrityException(String message) {
    super(message);
  }
}
