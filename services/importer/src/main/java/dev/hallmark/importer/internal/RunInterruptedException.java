package dev.hallmark.importer.internal;

/** The run must stop: its lease was lost (taken over, importer deleted) or the process stops. */
public final class RunInterruptedException extends Exception {
  private static final long serialVersionUID = 1L;

  public RunInterruptedException(String message) {
    super(message);
  }
}
