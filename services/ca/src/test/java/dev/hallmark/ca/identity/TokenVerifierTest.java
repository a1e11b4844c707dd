package dev.hallmark.ca.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.hallmark.ca.identity.TokenException.Reason;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
  static final long NOW = 1_750_000_000L;

  TestIssuer issuer;
  RSAKey key;
  MutableClock clock;
  HttpJwksSource jwks;
  TokenVerifier verifier;

  @BeforeEach
  void setUp() throws Exception {
    issuer = new TestIssuer("/oidc");
    key = TestIssuer.rsa("k1");
    issuer.publish(key);
    clock = new MutableClock(Instant.ofEpochSecond(NOW));
    jwks = new HttpJwksSource(HttpClient.newHttpClient(), clock);
    verifier =
        new TokenVerifier(
            List.of(OidcIssuerConfig.exact(issuer.url, IssuerType.EMAIL)), jwks, clock);
  }

  @AfterEach
  void tearDown() {
    issuer.close();
  }

  private String token(JWTClaimsSet.Builder claims) throws Exception {
    return TestIssuer.sign(key, claims.build());
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refused(String jwt, Reason reason) {
    return assertThatThrownBy(() -> verifier.verify(jwt))
        .isInstanceOf(TokenException.class)
        .satisfies(e -> assertThat(((TokenException) e).reason()).isEqualTo(reason));
  }

  @Test
  void validEmailToken() throws Exception {
    Principal p = verifier.verify(token(issuer.emailClaims(NOW)));
    assertThat(p.issuer()).isEqualTo(issuer.url);
    assertThat(p.subject()).isEqualTo("user-123");
    assertThat(p.san())
        .isEqualTo(new SubjectAltName(SubjectAltName.Type.EMAIL, "alice@example.com"));
    assertThat(p.challenges()).containsExactly("user-123", "alice@example.com");
    assertThat(p.extensions())
        .containsExactly(
            Map.entry("1.3.6.1.4.1.57264.1.1", issuer.url),
            Map.entry("1.3.6.1.4.1.57264.1.8", issuer.url),
            Map.entry("1.3.6.1.4.1.57264.1.24", "user-123"));
    assertThat(issuer.jwksFetches).hasValue(1);
    verifier.verify(token(issuer.emailClaims(NOW)));
    assertThat(issuer.jwksFetches).as("cached").hasValue(1);
  }

  @Test
  void ecAndEd25519Tokens() throws Exception {
    for (Curve c : List.of(Curve.P_256, Curve.P_384, Curve.P_521)) {
      ECKey ec = TestIssuer.ec(c, "ec-" + c.getName());
      issuer.publish(ec);
      jwks.keys(issuer.url, false);
      clock.advance(Duration.ofSeconds(31));
      assertThat(verifier.verify(TestIssuer.sign(ec, issuer.emailClaims(NOW).build())).subject())
          .isEqualTo("user-123");
    }
    Map.Entry<KeyPair, com.nimbusds.jose.jwk.OctetKeyPair> ed = TestIssuer.ed25519("ed");
    issuer.publish(ed.getValue());
    clock.advance(Duration.ofSeconds(31));
    String edToken = TestIssuer.signEd25519(ed.getKey(), "ed", issuer.emailClaims(NOW).build());
    assertThat(verifier.verify(edToken).subject()).isEqualTo("user-123");
    String tampered = edToken.substring(0, edToken.length() - 4) + "AAAA";
    refused(tampered, Reason.BAD_SIGNATURE);
  }

  @Test
  void expired() throws Exception {
    refused(token(issuer.emailClaims(NOW - 601)), Reason.EXPIRED)
        .hasMessageContaining("token expired at");
    refused(token(issuer.emailClaims(NOW - 600)), Reason.EXPIRED);
  }

  @Test
  void notYetValid() throws Exception {
    refused(
            token(issuer.emailClaims(NOW).notBeforeTime(new Date((NOW + 61) * 1000))),
            Reason.NOT_YET_VALID)
        .hasMessageContaining("not valid before");
    refused(token(issuer.emailClaims(NOW + 61)), Reason.NOT_YET_VALID)
        .hasMessageContaining("issued in the future");
    // within the 60 s skew
    verifier.verify(token(issuer.emailClaims(NOW + 60)));
  }

  @Test
  void wrongAudience() throws Exception {
    refused(token(issuer.emailClaims(NOW).audience("other")), Reason.WRONG_AUDIENCE)
        .hasMessage("wrong audience [other]: expected \"sigstore\"");
    refused(token(issuer.emailClaims(NOW).audience((String) null)), Reason.WRONG_AUDIENCE)
        .hasMessageContaining("(none)");
    verifier.verify(token(issuer.emailClaims(NOW).audience(List.of("other", "sigstore"))));
  }

  @Test
  void unknownIssuer() throws Exception {
    refused(token(issuer.emailClaims(NOW).issuer("https://evil.example")), Reason.UNKNOWN_ISSUER)
        .hasMessage("issuer \"https://evil.example\" is not configured");
    refused(token(issuer.emailClaims(NOW).issuer(issuer.url + "/")), Reason.UNKNOWN_ISSUER);
    assertThat(issuer.jwksFetches).hasValue(0);
  }

  @Test
  void badSignature() throws Exception {
    RSAKey impostor = TestIssuer.rsa("k1");
    refused(TestIssuer.sign(impostor, issuer.emailClaims(NOW).build()), Reason.BAD_SIGNATURE)
        .hasMessageContaining("bad token signature");
    String good = token(issuer.emailClaims(NOW));
    String[] parts = good.split("\\.");
    String otherPayload =
        Base64URL.encode(issuer.emailClaims(NOW).subject("mallory").build().toString()).toString();
    refused(parts[0] + "." + otherPayload + "." + parts[2], Reason.BAD_SIGNATURE);
    refused(parts[0] + "." + parts[1] + ".", Reason.BAD_SIGNATURE);
  }

  @Test
  void algNone() throws Exception {
    String none = new PlainJWT(issuer.emailClaims(NOW).build()).serialize();
    refused(none, Reason.ALG_NONE).hasMessage("token is unsigned (alg: none)");
    String[] parts = token(issuer.emailClaims(NOW)).split("\\.");
    String noneHeader = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"k1\"}").toString();
    refused(noneHeader + "." + parts[1] + "." + parts[2], Reason.ALG_NONE);
  }

  @Test
  void hmacRefused() throws Exception {
    SignedJWT hs =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
            issuer.emailClaims(NOW).build());
    hs.sign(new MACSigner(new byte[32]));
    refused(hs.serialize(), Reason.UNSUPPORTED_ALGORITHM).hasMessageContaining("HS256");
    String es256k = Base64URL.encode("{\"alg\":\"ES256K\"}") + ".e30.AAAA";
    refused(es256k, Reason.UNSUPPORTED_ALGORITHM);
    String jwe = Base64URL.encode("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d";
    refused(jwe, Reason.UNSUPPORTED_ALGORITHM).hasMessageContaining("JWE");
  }

  @Test
  void unknownKidRefreshesOnceThenFails() throws Exception {
    verifier.verify(token(issuer.emailClaims(NOW)));
    assertThat(issuer.jwksFetches).hasValue(1);
    clock.advance(Duration.ofSeconds(31));
    RSAKey stranger = TestIssuer.rsa("k-unknown");
    refused(TestIssuer.sign(stranger, issuer.emailClaims(NOW).build()), Reason.UNKNOWN_KID)
        .hasMessage("unknown kid \"k-unknown\": not in the JWKS of " + issuer.url);
    assertThat(issuer.jwksFetches).as("exactly one refresh").hasValue(2);
    refused(TestIssuer.sign(stranger, issuer.emailClaims(NOW).build()), Reason.UNKNOWN_KID);
    assertThat(issuer.jwksFetches).as("refresh rate-limited").hasValue(2);
  }

  @Test
  void rotatedKeyIsFoundAfterOneRefresh() throws Exception {
    verifier.verify(token(issuer.emailClaims(NOW)));
    assertThat(issuer.jwksFetches).hasValue(1);
    RSAKey rotated = TestIssuer.rsa("k2");
    issuer.publish(rotated);
    clock.advance(Duration.ofSeconds(31));
    Principal p = verifier.verify(TestIssuer.sign(rotated, issuer.emailClaims(NOW).build()));
    assertThat(p.subject()).isEqualTo("user-123");
    assertThat(issuer.jwksFetches).hasValue(2);
    verifier.verify(TestIssuer.sign(rotated, issuer.emailClaims(NOW).build()));
    assertThat(issuer.jwksFetches).hasValue(2);
  }

  @Test
  void keyWithKidButWrongTypeIsBadSignature() throws Exception {
    ECKey ec = TestIssuer.ec(Curve.P_256, "k1");
    refused(TestIssuer.sign(ec, issuer.emailClaims(NOW).build()), Reason.BAD_SIGNATURE)
        .hasMessageContaining("cannot verify ES256");
  }

  @Test
  void emailNotVerified() throws Exception {
    refused(
            token(issuer.emailClaims(NOW).claim("email_verified", false)),
            Reason.EMAIL_NOT_VERIFIED)
        .hasMessage("email_verified is not true for alice@example.com from " + issuer.url);
    refused(
        token(issuer.emailClaims(NOW).claim("email_verified", null)), Reason.EMAIL_NOT_VERIFIED);
    verifier.verify(token(issuer.emailClaims(NOW).claim("email_verified", "true")));
    TokenVerifier lenient =
        new TokenVerifier(
            List.of(
                OidcIssuerConfig.builder(issuer.url, IssuerType.EMAIL)
                    .skipEmailVerification(true)
                    .build()),
            jwks,
            clock);
    assertThat(
            lenient
                .verify(token(issuer.emailClaims(NOW).claim("email_verified", false)))
                .san()
                .value())
        .isEqualTo("alice@example.com");
  }

  @Test
  void missingClaims() throws Exception {
    refused(token(issuer.emailClaims(NOW).subject(null)), Reason.MISSING_CLAIM)
        .hasMessage("token has no \"sub\" claim");
    refused(token(issuer.emailClaims(NOW).expirationTime(null)), Reason.MISSING_CLAIM)
        .hasMessage("token has no \"exp\" claim");
    refused(token(issuer.emailClaims(NOW).claim("email", null)), Reason.MISSING_CLAIM)
        .hasMessage("token has no \"email\" claim");
    refused(token(issuer.emailClaims(NOW).issuer(null)), Reason.MISSING_CLAIM)
        .hasMessage("token has no \"iss\" claim");
  }

  @Test
  void malformed() throws Exception {
    refused("", Reason.MALFORMED).hasMessage("token is empty");
    refused(null, Reason.MALFORMED);
    refused("not a jwt", Reason.MALFORMED);
    refused("a.b", Reason.MALFORMED);
    refused("x".repeat(70_000), Reason.MALFORMED).hasMessageContaining("more than 65536");
    String header = Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"k1\"}").toString();
    refused(header + ".%%%.sig", Reason.MALFORMED);
    refused(header + "." + Base64URL.encode("[1,2]") + ".c2ln", Reason.MALFORMED);
    refused(header + "." + Base64URL.encode("{\"exp\":\"soon\"}") + ".c2ln", Reason.MALFORMED);
    refused(Base64URL.encode("{\"alg\":") + ".e30.c2ln", Reason.MALFORMED)
        .hasMessageContaining("header is malformed");
  }

  @Test
  void keysUnavailable() throws Exception {
    issuer.discoveryStatus = 500;
    refused(token(issuer.emailClaims(NOW)), Reason.KEYS_UNAVAILABLE)
        .hasMessageContaining("answered HTTP 500");
  }

  @Test
  void discoveryMustNameTheSameIssuer() throws Exception {
    issuer.discoveryIssuer = "https://elsewhere.example";
    refused(token(issuer.emailClaims(NOW)), Reason.KEYS_UNAVAILABLE)
        .hasMessageContaining("discovery document names issuer");
  }

  @Test
  void customClientId() throws Exception {
    TokenVerifier v =
        new TokenVerifier(
            List.of(
                OidcIssuerConfig.builder(issuer.url, IssuerType.EMAIL)
                    .clientId("hallmark")
                    .build()),
            jwks,
            clock);
    assertThatThrownBy(() -> v.verify(token(issuer.emailClaims(NOW))))
        .hasMessage("wrong audience [sigstore]: expected \"hallmark\"");
    v.verify(token(issuer.emailClaims(NOW).audience("hallmark")));
  }
}
