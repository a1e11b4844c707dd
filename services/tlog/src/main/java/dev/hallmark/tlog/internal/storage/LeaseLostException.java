package dev.hallmark.tlog.internal.storage;

/** The caller no longer holds the sequencing lease (or the log moved under it). */
public final class LeaseLostException extends Exception {
  private static final long serialVersionUID = 1L;

  public LeaseLostException(String message) {
    super(message);
  }
}
