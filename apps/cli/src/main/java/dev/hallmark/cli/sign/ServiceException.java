package dev.hallmark.cli.sign;

/** A signing service (CA, log, TSA, OIDC issuer) could not be reached or refused a request. */
public final class ServiceException extends Exception {
  private static final long serialVersionUID = 1L;

  public ServiceException(String message) {
    super(message);
  }

  public ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
