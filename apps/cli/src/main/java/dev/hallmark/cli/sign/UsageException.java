package dev.hallmark.cli.sign;

/** Wrong flags, an unreadable file or unusable input: the command exits with 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
