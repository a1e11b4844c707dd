package dev.hallmark.ca.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random and mutated tokens: the verifier throws nothing but {@link TokenException}. */
class GarbageTokenTest {
  static final long NOW = 1_750_000_000L;
  static RSAKey key;
  static String valid;
  static TokenVerifier verifier;

  @BeforeAll
  static void setUp() throws Exception {
    key = TestIssuer.rsa("k1");
    String iss = "https://issuer.example";
    valid =
        TestIssuer.sign(
            key,
            new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(iss)
                .subject("s")
                .audience("sigstore")
                .expirationTime(new java.util.Date((NOW + 300) * 1000))
                .claim("email", "a@b.c")
                .claim("email_verified", true)
                .build());
    JwksSource jwks = (i, refresh) -> new JWKSet(key.toPublicJWK());
    verifier =
        new TokenVerifier(
            List.of(
                OidcIssuerConfig.exact(iss, IssuerType.EMAIL),
                OidcIssuerConfig.wildcard("https://*.example", IssuerType.KUBERNETES)),
            jwks,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  }

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void onlyTokenException(int seed) {
    Random r = new Random(seed);
    String token;
    switch (seed % 4) {
      case 0:
        byte[] raw = new byte[r.nextInt(200)];
        r.nextBytes(raw);
        token = new String(raw, StandardCharsets.ISO_8859_1);
        break;
      case 1:
        token = part(r) + "." + part(r) + "." + part(r);
        break;
      case 2:
        char[] chars = valid.toCharArray();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
          chars[r.nextInt(chars.length)] = "._-AZaz09+/=%{".charAt(r.nextInt(14));
        }
        token = new String(chars);
        break;
      default:
        String[] json = {
          "{\"alg\":\"RS256\"}",
          "{\"alg\":null}",
          "{\"alg\":[1]}",
          "{}",
          "[]",
          "null",
          "1",
          "{\"alg\":\"RS256\",\"crit\":[\"x\"],\"x\":1}",
          "{\"alg\":\"RS256\",\"kid\":7}",
          "{\"iss\":\"https://a.example\",\"sub\":\"s\",\"aud\":\"sigstore\",\"exp\":9999999999}",
          "{\"iss\":7,\"aud\":[1],\"exp\":\"x\"}",
          "{\"kubernetes.io\":[]}"
        };
        token =
            Base64URL.encode(json[r.nextInt(json.length)])
                + "."
                + Base64URL.encode(json[r.nextInt(json.length)])
                + "."
                + part(r);
        break;
    }
    try {
      verifier.verify(token);
      // a mutation that keeps the token's meaning (e.g. unused base64 bits) may still verify
      assertThat(seed % 4).isEqualTo(2);
    } catch (TokenException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(expected.reason()).isNotNull();
    }
  }

  private static String part(Random r) {
    byte[] b = new byte[r.nextInt(64)];
    r.nextBytes(b);
    return Base64URL.encode(b).toString();
  }
}
