package dev.hallmark.ca.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.ca.identity.TokenException.Reason;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against an external OIDC provider: no.nav.security's mock-oauth2-server, in-process on loopback,
 * with its own discovery document, JWKS and RS256 tokens. Its tokens carry the real issue time, so
 * the verifier's clock is fixed at the moment the test starts.
 */
class MockOAuth2ServerTest {
  static MockOAuth2Server server;
  static String issuerUrl;
  static TokenVerifier verifier;

  @BeforeAll
  static void start() {
    server = new MockOAuth2Server();
    server.start(InetAddress.getLoopbackAddress(), 0);
    issuerUrl = server.issuerUrl("hallmark").toString();
    Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    verifier =
        new TokenVerifier(
            List.of(OidcIssuerConfig.exact(issuerUrl, IssuerType.EMAIL)),
            new HttpJwksSource(HttpClient.newHttpClient(), clock),
            clock);
  }

  @AfterAll
  static void stop() {
    server.shutdown();
  }

  @Test
  void verifiesAnEmailToken() throws Exception {
    String jwt =
        server
            .issueToken(
                "hallmark",
                "subject-1",
                "sigstore",
                Map.of("email", "dev@example.com", "email_verified", true),
                300L)
            .serialize();
    Principal p = verifier.verify(jwt);
    assertThat(p.issuer()).isEqualTo(issuerUrl);
    assertThat(p.san()).isEqualTo(new SubjectAltName(SubjectAltName.Type.EMAIL, "dev@example.com"));
    assertThat(p.challenges()).containsExactly("subject-1", "dev@example.com");
  }

  @Test
  void refusesWrongAudienceUnverifiedEmailAndOtherIssuers() {
    String wrongAud =
        server
            .issueToken(
                "hallmark",
                "s",
                "not-sigstore",
                Map.of("email", "a@b.c", "email_verified", true),
                300L)
            .serialize();
    assertThatThrownBy(() -> verifier.verify(wrongAud))
        .isInstanceOfSatisfying(
            TokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
    String unverified =
        server.issueToken("hallmark", "s", "sigstore", Map.of("email", "a@b.c"), 300L).serialize();
    assertThatThrownBy(() -> verifier.verify(unverified))
        .isInstanceOfSatisfying(
            TokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMAIL_NOT_VERIFIED));
    String otherIssuer =
        server
            .issueToken(
                "other", "s", "sigstore", Map.of("email", "a@b.c", "email_verified", true), 300L)
            .serialize();
    assertThatThrownBy(() -> verifier.verify(otherIssuer))
        .isInstanceOfSatisfying(
            TokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ISSUER));
  }
}
