/**
 * The identity half of Hallmark's Fulcio-compatible CA: which OIDC issuers are trusted ({@link
 * dev.hallmark.ca.identity.OidcIssuerConfig}), how an ID token is verified ({@link
 * dev.hallmark.ca.identity.TokenVerifier}, {@link dev.hallmark.ca.identity.JwksSource}), what a
 * verified token turns into ({@link dev.hallmark.ca.identity.Principal}: the certificate SAN, the
 * proof-of-possession challenges and the {@code 1.3.6.1.4.1.57264.1.*} extensions), and the checks
 * on the key a client submits ({@link dev.hallmark.ca.identity.KeyPolicy}, {@link
 * dev.hallmark.ca.identity.ProofOfPossession}).
 *
 * <p>Every check returns nothing and throws a checked exception whose message names what was wrong.
 * Classes under {@code internal} are not API.
 */
package dev.hallmark.ca.identity;
