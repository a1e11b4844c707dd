package dev.hallmark.server.http;

/** The resource already exists (Rekor v1 duplicate entry); answered 409 with its location. */
public final class ConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String location;

  public ConflictException(String message, String location) {
    super(message);
    this.location = location;
  }

  public String location() {
    return location;
  }
}
