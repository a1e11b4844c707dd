package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Logs in at Hallmark's built-in OIDC issuer: {@code POST <issuer>/token} with an email address
 * answers an ID token for it (audience {@code sigstore}). Local use only, as the issuer itself.
 */
final class LocalIssuer {
  /** The identity {@code hallmark sign} uses at the built-in issuer unless told otherwise. */
  static final String DEFAULT_EMAIL = "local@hallmark.localhost";

  private final ServiceHttp http;

  LocalIssuer(ServiceHttp http) {
    this.http = http;
  }

  String token(URI issuer, String email) throws ServiceException {
    String base = issuer.toString();
    URI endpoint = URI.create(base.endsWith("/") ? base + "token" : base + "/token");
    byte[] form =
        ("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.US_ASCII);
    byte[] answer =
        http.post(
            "OIDC issuer",
            endpoint,
            "application/x-www-form-urlencoded",
            "application/json",
            form,
            Set.of(200));
    JsonNode token;
    try {
      token = http.mapper().readTree(answer).get("id_token");
    } catch (java.io.IOException e) {
      throw new ServiceException("the OIDC issuer's answer is not JSON", e);
    }
    if (token == null || !token.isTextual()) {
      throw new ServiceException("the OIDC issuer's answer has no id_token");
    }
    return token.asText();
  }
}
