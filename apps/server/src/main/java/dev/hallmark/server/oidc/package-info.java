/**
 * The built-in OIDC issuer for local use ({@code hallmark up} and tests): OIDC discovery, a JWKS
 * and a token endpoint that mints an ID token for any email address it is asked for.
 *
 * <p><b>Never expose it.</b> Anyone who can reach the token endpoint can obtain a token, and so a
 * signing certificate, for any identity. It is off unless {@code oidc.enabled=true}, and it refuses
 * to start when {@code bind.address} is not a loopback address unless {@code
 * oidc.allow.non.loopback=true}. Entry point: {@link dev.hallmark.server.oidc.OidcIssuerService}.
 */
package dev.hallmark.server.oidc;
