package dev.hallmark.cli.sign;

/** A signing service (CA, log, TSA, OIDC issuer) could not be reached or refused a request. */
final class ServiceException extends Exception {
  private static final long serialVersionUID = 1L;

  ServiceException(String message) {
    super(message);
  }

  ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
