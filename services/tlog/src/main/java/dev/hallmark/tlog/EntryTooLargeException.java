package dev.hallmark.tlog;

/** An entry body exceeds the 65,535 bytes a C2SP entry bundle can hold. */
public final class EntryTooLargeException extends Exception {
  private static final long serialVersionUID = 1L;

  public EntryTooLargeException(int size) {
    super("entry body is " + size + " bytes; a log entry holds at most 65535");
  }
}
