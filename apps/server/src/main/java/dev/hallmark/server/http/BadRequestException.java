package dev.hallmark.server.http;

/** The request is malformed (bad path, parameter or body); answered with 400. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(message);
  }
}
