package dev.hallmark.server.http;

/** The request is well-formed but cannot be processed (e.g. too many items); answered 422. */
public final class UnprocessableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnprocessableException(String message) {
    super(message);
  }
}
