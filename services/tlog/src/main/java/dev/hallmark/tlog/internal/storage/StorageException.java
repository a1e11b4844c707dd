package dev.hallmark.tlog.internal.storage;

/** The database failed or refused an operation; the caller's view of the log may be stale. */
public final class StorageException extends Exception {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
