package dev.hallmark.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hallmark.ca.identity.HttpJwksSource;
import dev.hallmark.ca.identity.IssuerType;
import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.ca.identity.Principal;
import dev.hallmark.ca.identity.SubjectAltName;
import dev.hallmark.ca.identity.TokenException;
import dev.hallmark.ca.identity.TokenVerifier;
import dev.hallmark.server.HallmarkServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in OIDC issuer of a real server; its tokens verify with the CA's token verifier. */
class OidcIssuerHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "application/x-www-form-urlencoded";
  @TempDir static Path dataDir;
  private static HallmarkServer server;
  private static String url;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    server =
        HallmarkServer.start(
            dev.hallmark.server.TestConfigs.anyPorts(dataDir, "oidc.enabled", "true"));
    url = server.endpoints().get("oidcIssuerUrl");
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + "/token"))
            .header("content-type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String token(String contentType, String body) throws Exception {
    HttpResponse<String> response = post(contentType, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(json.get("expires_in").asLong()).isEqualTo(600);
    assertThat(json.get("access_token").asText()).isEqualTo(json.get("id_token").asText());
    return json.get("id_token").asText();
  }

  static TokenVerifier verifier() {
    return new TokenVerifier(
        List.of(OidcIssuerConfig.exact(url, IssuerType.EMAIL)),
        new HttpJwksSource(http, Clock.systemUTC()),
        Clock.systemUTC());
  }

  @Test
  void urlIsInEndpointsJsonAndOnItsOwnPort() throws Exception {
    assertThat(url).startsWith("http://localhost:");
    JsonNode endpoints = JSON.readTree(Files.readString(dataDir.resolve("endpoints.json")));
    assertThat(endpoints.get("oidcIssuerUrl").asText()).isEqualTo(url);
    assertThat(url)
        .isNotIn(server.endpoints().get("rekorV1Url"), server.endpoints().get("rekorV2Url"));
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("hallmark_oidc_tokens_issued_total");
    assertThat(JSON.readTree(get("/openapi.json").body()).get("paths").has("/token")).isTrue();
    assertThat(Files.exists(dataDir.resolve("keys").resolve("oidc-issuer.pem"))).isTrue();
  }

  @Test
  void discoveryDocument() throws Exception {
    HttpResponse<String> response = get("/.well-known/openid-configuration");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = JSON.readTree(response.body());
    assertThat(doc.get("issuer").asText()).isEqualTo(url);
    assertThat(doc.get("jwks_uri").asText()).isEqualTo(url + "/jwks");
    assertThat(doc.get("token_endpoint").asText()).isEqualTo(url + "/token");
    assertThat(doc.get("id_token_signing_alg_values_supported").toString())
        .isEqualTo("[\"ES256\"]");
    assertThat(doc.get("response_types_supported").toString()).isEqualTo("[\"id_token\"]");
    assertThat(doc.get("subject_types_supported").toString()).isEqualTo("[\"public\"]");
    assertThat(doc.get("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
  }

  @Test
  void jwksHasThePublicKeyOnly() throws Exception {
    JsonNode keys = JSON.readTree(get("/jwks").body()).get("keys");
    assertThat(keys).hasSize(1);
    JsonNode key = keys.get(0);
    assertThat(key.get("kty").asText()).isEqualTo("EC");
    assertThat(key.get("crv").asText()).isEqualTo("P-256");
    assertThat(key.get("alg").asText()).isEqualTo("ES256");
    assertThat(key.get("use").asText()).isEqualTo("sig");
    assertThat(key.get("kid").asText()).isNotEmpty();
    assertThat(key.has("d")).isFalse();
  }

  @Test
  void formTokenHasTheClaimsAndVerifiesWithTheCaVerifier() throws Exception {
    String jwt = token(FORM, "email=alice%40example.com");
    SignedJWT parsed = SignedJWT.parse(jwt);
    JsonNode jwk = JSON.readTree(get("/jwks").body()).get("keys").get(0);
    assertThat(parsed.getHeader().getKeyID()).isEqualTo(jwk.get("kid").asText());
    assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
    JWTClaimsSet claims = parsed.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(url);
    assertThat(claims.getSubject()).isEqualTo("alice@example.com");
    assertThat(claims.getAudience()).containsExactly("sigstore");
    assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
    assertThat(claims.getBooleanClaim("email_verified")).isTrue();
    assertThat(claims.getJWTID()).isNotEmpty();
    assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(600_000);

    Principal principal = verifier().verify(jwt);
    assertThat(principal.issuer()).isEqualTo(url);
    assertThat(principal.subject()).isEqualTo("alice@example.com");
    assertThat(principal.san())
        .isEqualTo(new SubjectAltName(SubjectAltName.Type.EMAIL, "alice@example.com"));
  }

  @Test
  void jsonTokenWithSubjectAndAudience() throws Exception {
    String jwt =
        token(
            "application/json",
            "{\"email\": \"bob@example.org\", \"sub\": \"bob-1\", \"audience\": \"other\"}");
    JWTClaimsSet claims = SignedJWT.parse(jwt).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("bob-1");
    assertThat(claims.getAudience()).containsExactly("other");
    assertThatThrownBy(() -> verifier().verify(jwt))
        .isInstanceOfSatisfying(
            TokenException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.WRONG_AUDIENCE));
    String sigstore =
        token("application/json", "{\"email\": \"bob@example.org\", \"sub\": \"bob-1\"}");
    assertThat(verifier().verify(sigstore).subject()).isEqualTo("bob-1");
  }

  @Test
  void everyTokenIsDifferent() throws Exception {
    String a = token(FORM, "email=carol%40example.com&grant_type=client_credentials");
    String b = token(FORM, "email=carol%40example.com");
    assertThat(SignedJWT.parse(a).getJWTClaimsSet().getJWTID())
        .isNotEqualTo(SignedJWT.parse(b).getJWTClaimsSet().getJWTID());
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(FORM, "", "\"email\" is required"),
        Arguments.of(FORM, "sub=x", "\"email\" is required"),
        Arguments.of(FORM, "email=", "\"email\" is required"),
        Arguments.of(FORM, "email=not-an-address", "not an email address"),
        Arguments.of(FORM, "email=a%40b%40c", "not an email address"),
        Arguments.of(FORM, "email=a%20b%40example.com", "not an email address"),
        Arguments.of(FORM, "email=a%40example.com%0a", "not an email address"),
        Arguments.of(FORM, "email=" + "a".repeat(250) + "%40example.com", "not an email address"),
        Arguments.of(FORM, "email=a%40example.com&email=b%40example.com", "given twice"),
        Arguments.of(FORM, "email=a%40example.com&role=admin", "unknown field \"role\""),
        Arguments.of(FORM, "email=a%40example.com&grant_type=password", "unsupported grant_type"),
        Arguments.of(FORM, "email=a%40example.com&audience=", "\"audience\" must have"),
        Arguments.of(FORM, "email=a%40example.com&sub=a%20b", "\"sub\" must not contain"),
        Arguments.of(FORM, "email=%zz", "not form-encoded"),
        Arguments.of("application/json", "{\"email\": 5}", "must be a string"),
        Arguments.of("application/json", "[\"a@example.com\"]", "must be a JSON object"),
        Arguments.of("application/json", "{\"email\": ", "not JSON"),
        Arguments.of("application/json", "{}", "\"email\" is required"),
        Arguments.of("text/plain", "email=a%40example.com", "content-type must be"),
        Arguments.of(FORM, "email=" + "a".repeat(200_000), "request body exceeds the limit"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void badRequestsAreRefusedWithProblemJson(String contentType, String body, String detail)
      throws Exception {
    HttpResponse<String> response = post(contentType, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).contains(detail);
  }

  @Test
  void tokenEndpointIsPostOnly() throws Exception {
    assertThat(get("/token").statusCode()).isEqualTo(405);
  }
}
