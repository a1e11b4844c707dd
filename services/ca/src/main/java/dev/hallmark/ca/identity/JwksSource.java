package dev.hallmark.ca.identity;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * Supplies the public signing keys of an OIDC issuer. Implementations cache; {@link TokenVerifier}
 * asks again with {@code refresh = true} once when a token names a {@code kid} the cached set lacks
 * (key rotation), and implementations may rate-limit such refreshes.
 */
public interface JwksSource {
  /**
   * Returns the public keys of {@code issuer} (the token's exact {@code iss}, already matched
   * against the configuration).
   *
   * @param refresh true to bypass the cache (subject to the implementation's rate limit)
   * @throws JwksException if the keys cannot be obtained
   */
  JWKSet keys(String issuer, boolean refresh) throws JwksException;
}
