package dev.hallmark.ca.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * An ID token was refused. The message says exactly which check failed; {@link #reason()} says the
 * same for machines (metrics, status-code mapping).
 */
public final class TokenException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /** Not a compact JWS, or a header or claim has the wrong JSON type; or too large. */
    MALFORMED,
    /** {@code alg: none}: an unsigned token. */
    ALG_NONE,
    /** A signature algorithm that is not accepted (HMAC, encrypted JWTs, unknown names). */
    UNSUPPORTED_ALGORITHM,
    /** {@code iss} matches no configured issuer. */
    UNKNOWN_ISSUER,
    /** The issuer's discovery document or JWKS could not be fetched (a server-side condition). */
    KEYS_UNAVAILABLE,
    /** No key in the issuer's JWKS has the token's {@code kid}, even after one refresh. */
    UNKNOWN_KID,
    /** The signature does not verify with the issuer's key. */
    BAD_SIGNATURE,
    /** {@code exp} is not in the future. */
    EXPIRED,
    /** {@code nbf} or {@code iat} is in the future (beyond the allowed clock skew). */
    NOT_YET_VALID,
    /** {@code aud} does not contain the configured client id. */
    WRONG_AUDIENCE,
    /** A claim the issuer type needs is absent or empty. */
    MISSING_CLAIM,
    /** An email issuer's token lacks {@code email_verified: true}. */
    EMAIL_NOT_VERIFIED,
    /**
     * The claims do not form an identity this issuer may certify (e.g. a URI outside its domain).
     */
    INVALID_IDENTITY;

    /** Lower-case name for metric tags, e.g. {@code "unknown_kid"}. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  /** Creates the exception; {@code message} names the failed check. */
  public TokenException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Creates the exception with an underlying cause. */
  public TokenException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The machine-readable reason. */
  public Reason reason() {
    return reason;
  }
}
