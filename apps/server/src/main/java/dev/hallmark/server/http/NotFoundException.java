package dev.hallmark.server.http;

/** The resource does not exist (yet); answered with 404. */
public final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
