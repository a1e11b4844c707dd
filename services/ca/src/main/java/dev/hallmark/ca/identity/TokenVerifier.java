package dev.hallmark.ca.identity;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hallmark.ca.identity.TokenException.Reason;
import dev.hallmark.ca.identity.internal.Claims;
import dev.hallmark.ca.identity.internal.Identities;
import dev.hallmark.ca.identity.internal.IssuerMatcher;
import dev.hallmark.ca.identity.internal.JwsSignatures;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Verifies OIDC ID tokens the way Fulcio does and turns them into {@link Principal}s. In order: the
 * token must be a compact JWS with an accepted asymmetric algorithm (never {@code none} or HMAC);
 * {@code iss} must match a configured issuer (exactly or by wildcard); the signature must verify
 * with a key from that issuer's JWKS, fetched by OIDC discovery (an unknown {@code kid} triggers
 * one refresh); {@code aud} must contain the client id; {@code exp} must be in the future and
 * {@code nbf}/{@code iat} not beyond the clock skew in the future; then the issuer type's own rules
 * apply (e.g. {@code email_verified}). Thread-safe.
 */
public final class TokenVerifier {
  /** The clock skew allowed for {@code nbf} and {@code iat} unless another is given. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /** Tokens longer than this many characters are refused as malformed without parsing. */
  public static final int MAX_TOKEN_LENGTH = 64 * 1024;

  private final IssuerMatcher issuers;
  private final JwksSource jwks;
  private final Clock clock;
  private final Duration clockSkew;

  /** A verifier with {@link #DEFAULT_CLOCK_SKEW}. */
  public TokenVerifier(List<OidcIssuerConfig> issuers, JwksSource jwks, Clock clock) {
    this(issuers, jwks, clock, DEFAULT_CLOCK_SKEW);
  }

  /**
   * A verifier.
   *
   * @throws IllegalArgumentException if an issuer is configured twice or the skew is negative
   */
  public TokenVerifier(
      List<OidcIssuerConfig> issuers, JwksSource jwks, Clock clock, Duration clockSkew) {
    this.issuers = new IssuerMatcher(List.copyOf(issuers));
    this.jwks = Objects.requireNonNull(jwks, "jwks");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("negative clock skew " + clockSkew);
    }
    this.clockSkew = clockSkew;
  }

  /**
   * Verifies {@code jwt} and returns the identity it proves.
   *
   * @throws TokenException naming the first check that failed; see {@link TokenException#reason()}
   */
  public Principal verify(String jwt) throws TokenException {
    SignedJWT token = parse(jwt);
    JWTClaimsSet claims;
    try {
      claims = token.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      throw new TokenException(Reason.MALFORMED, "token claims are malformed: " + e.getMessage());
    }
    Object issClaim = claims.getClaim("iss");
    if (!(issClaim instanceof String) || ((String) issClaim).isEmpty()) {
      throw new TokenException(Reason.MISSING_CLAIM, "token has no \"iss\" claim");
    }
    String iss = (String) issClaim;
    OidcIssuerConfig config =
        issuers
            .find(iss)
            .orElseThrow(
                () ->
                    new TokenException(
                        Reason.UNKNOWN_ISSUER, "issuer \"" + iss + "\" is not configured"));
    JwsSignatures.verify(token, signingKeys(iss, token.getHeader()));
    checkAudience(claims, config);
    checkTimes(claims);
    return Identities.principal(config, iss, new Claims(claims.getClaims()));
  }

  private static SignedJWT parse(String jwt) throws TokenException {
    if (jwt == null || jwt.isEmpty()) {
      throw new TokenException(Reason.MALFORMED, "token is empty");
    }
    if (jwt.length() > MAX_TOKEN_LENGTH) {
      throw new TokenException(
          Reason.MALFORMED,
          "token has " + jwt.length() + " characters, more than " + MAX_TOKEN_LENGTH);
    }
    int dot = jwt.indexOf('.');
    if (dot <= 0) {
      throw new TokenException(Reason.MALFORMED, "token is not a JWT (no header part)");
    }
    Header header;
    try {
      header = Header.parse(new Base64URL(jwt.substring(0, dot)));
    } catch (ParseException | RuntimeException e) {
      throw new TokenException(Reason.MALFORMED, "token header is malformed: " + e.getMessage());
    }
    Algorithm alg = header.getAlgorithm();
    if (Algorithm.NONE.equals(alg)) {
      throw new TokenException(Reason.ALG_NONE, "token is unsigned (alg: none)");
    }
    if (header instanceof JWEHeader) {
      throw new TokenException(
          Reason.UNSUPPORTED_ALGORITHM, "encrypted tokens (JWE, alg " + alg + ") are not accepted");
    }
    if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
      throw new TokenException(
          Reason.UNSUPPORTED_ALGORITHM,
          "token alg " + alg + " is a shared-secret MAC; only public-key signatures are accepted");
    }
    if (!(alg instanceof JWSAlgorithm) || !JwsSignatures.ACCEPTED.contains(alg)) {
      throw new TokenException(
          Reason.UNSUPPORTED_ALGORITHM,
          "token alg " + alg + " is not accepted; accepted: " + JwsSignatures.ACCEPTED);
    }
    if (jwt.endsWith(".") && jwt.chars().filter(c -> c == '.').count() == 2) {
      throw new TokenException(
          Reason.BAD_SIGNATURE, "token is unsigned: alg " + alg + " but an empty signature");
    }
    try {
      return SignedJWT.parse(jwt);
    } catch (ParseException | RuntimeException e) {
      throw new TokenException(Reason.MALFORMED, "token is not a compact JWS: " + e.getMessage());
    }
  }

  private List<JWK> signingKeys(String iss, JWSHeader header) throws TokenException {
    try {
      JWKSet keys = jwks.keys(iss, false);
      List<JWK> candidates = JwsSignatures.candidates(keys, header);
      if (candidates.isEmpty() && !JwsSignatures.hasKid(keys, header)) {
        keys = jwks.keys(iss, true);
        candidates = JwsSignatures.candidates(keys, header);
      }
      if (candidates.isEmpty()) {
        if (JwsSignatures.hasKid(keys, header)) {
          throw new TokenException(
              Reason.BAD_SIGNATURE,
              "key \""
                  + header.getKeyID()
                  + "\" of "
                  + iss
                  + " cannot verify "
                  + header.getAlgorithm());
        }
        throw new TokenException(
            Reason.UNKNOWN_KID,
            header.getKeyID() == null
                ? "no " + header.getAlgorithm() + " key in the JWKS of " + iss
                : "unknown kid \"" + header.getKeyID() + "\": not in the JWKS of " + iss);
      }
      return candidates;
    } catch (JwksException e) {
      throw new TokenException(
          Reason.KEYS_UNAVAILABLE, "cannot fetch the keys of " + iss + ": " + e.getMessage(), e);
    }
  }

  private static void checkAudience(JWTClaimsSet claims, OidcIssuerConfig config)
      throws TokenException {
    List<String> aud = claims.getAudience();
    if (!aud.contains(config.clientId())) {
      throw new TokenException(
          Reason.WRONG_AUDIENCE,
          "wrong audience "
              + (aud.isEmpty() ? "(none)" : aud)
              + ": expected \""
              + config.clientId()
              + "\"");
    }
  }

  private void checkTimes(JWTClaimsSet claims) throws TokenException {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new TokenException(Reason.MISSING_CLAIM, "token has no \"exp\" claim");
    }
    if (!now.isBefore(exp.toInstant())) {
      throw new TokenException(
          Reason.EXPIRED, "token expired at " + exp.toInstant() + " (now " + now + ")");
    }
    Instant latest = now.plus(clockSkew);
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(latest)) {
      throw new TokenException(
          Reason.NOT_YET_VALID,
          "token not valid before "
              + nbf.toInstant()
              + " (now "
              + now
              + ", skew "
              + clockSkew
              + ")");
    }
    Date iat = claims.getIssueTime();
    if (iat != null && iat.toInstant().isAfter(latest)) {
      throw new TokenException(
          Reason.NOT_YET_VALID,
          "token issued in the future at "
              + iat.toInstant()
              + " (now "
              + now
              + ", skew "
              + clockSkew
              + ")");
    }
  }
}
