package dev.hallmark.server.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;

/**
 * Mints signed ID tokens for local identities. Claims: {@code iss}, {@code sub}, {@code aud},
 * {@code email}, {@code email_verified: true}, {@code iat}, {@code nbf}, {@code exp} ({@code iat}
 * plus the lifetime) and a random {@code jti}. Thread-safe.
 */
public final class TokenIssuer {
  private final String issuer;
  private final IssuerKey key;
  private final Duration lifetime;
  private final Clock clock;
  private final SecureRandom random;

  /**
   * An issuer.
   *
   * @param issuer the {@code iss} of every token (the issuer's base URL)
   * @param lifetime how long tokens are valid; positive
   */
  public TokenIssuer(
      String issuer, IssuerKey key, Duration lifetime, Clock clock, SecureRandom random) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.key = Objects.requireNonNull(key, "key");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive, not " + lifetime);
    }
    this.lifetime = lifetime;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A signed token and what the token endpoint reports about it.
   *
   * @param jwt the compact JWS
   * @param jti its unique id
   * @param expiresIn seconds until it expires
   */
  public record IssuedToken(String jwt, String jti, long expiresIn) {}

  /** The issuer URL ({@code iss}). */
  public String issuer() {
    return issuer;
  }

  /** The signing key. */
  public IssuerKey key() {
    return key;
  }

  /** Signs a token for {@code request}. */
  public IssuedToken issue(TokenRequest request) {
    Instant now = clock.instant();
    byte[] id = new byte[16];
    random.nextBytes(id);
    String jti = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(request.subject())
            .audience(request.audience())
            .claim("email", request.email())
            .claim("email_verified", true)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(jti)
            .build();
    JWSHeader header =
        new JWSHeader.Builder(key.algorithm())
            .keyID(key.publicJwk().getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an ID token: " + e.getMessage(), e);
    }
    return new IssuedToken(jwt.serialize(), jti, lifetime.toSeconds());
  }
}
