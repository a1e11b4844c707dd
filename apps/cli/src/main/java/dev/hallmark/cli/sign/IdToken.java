package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;

/**
 * An OIDC ID token as the signer sees it: the compact JWT and the claims it reads, unverified (the
 * CA verifies the token; the signer only needs to know what to prove possession over).
 *
 * @param jwt the compact JWT
 * @param issuer the {@code iss} claim
 * @param subject the {@code sub} claim
 * @param email the {@code email} claim, or null
 */
record IdToken(String jwt, String issuer, String subject, String email) {
  /**
   * Reads the claims of {@code jwt}.
   *
   * @throws IllegalArgumentException if it is not a JWT with {@code iss} and {@code sub}
   */
  static IdToken parse(String jwt, ObjectMapper mapper) {
    String[] parts = jwt.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "the identity token is not a JWT (three dot-separated parts)");
    }
    JsonNode claims;
    try {
      claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the identity token's claims are not base64url JSON", e);
    }
    if (claims == null || !claims.path("iss").isTextual() || !claims.path("sub").isTextual()) {
      throw new IllegalArgumentException("the identity token has no iss or sub claim");
    }
    JsonNode email = claims.get("email");
    return new IdToken(
        jwt.strip(),
        claims.get("iss").asText(),
        claims.get("sub").asText(),
        email != null && email.isTextual() ? email.asText() : null);
  }

  /**
   * What the proof of possession signs: the email address if the token has one, else {@code sub}
   * (as sigstore-js does; Hallmark's CA accepts either).
   */
  String challenge() {
    return email != null ? email : subject;
  }
}
