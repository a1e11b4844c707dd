package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hallmark.server.HallmarkServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hallmark token} against a running server's built-in OIDC issuer. */
class TokenCommandTest {
  @TempDir static Path dataDir;
  @TempDir Path dir;
  private static HallmarkServer server;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    server = LocalHallmark.start(dataDir);
    url = server.endpoints().get("oidcIssuerUrl");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static LocalHallmark.Run run(String... args) {
    return LocalHallmark.run(args);
  }

  static JWTClaimsSet claims(String jwt) throws Exception {
    return SignedJWT.parse(jwt).getJWTClaimsSet();
  }

  @Test
  void printsTheJwtAlone() throws Exception {
    LocalHallmark.Run r = run("token", "--email", "alice@example.com", "--url", url);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\R");
    JWTClaimsSet claims = claims(r.out().trim());
    assertThat(claims.getIssuer()).isEqualTo(url);
    assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
    assertThat(claims.getSubject()).isEqualTo("alice@example.com");
    assertThat(claims.getAudience()).containsExactly("sigstore");
  }

  @Test
  void audienceAndJsonOutput() throws Exception {
    LocalHallmark.Run r =
        run(
            "token",
            "--email",
            "bob+test@example.org",
            "--url",
            url + "/",
            "--audience",
            "other",
            "--output",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
    JWTClaimsSet claims = claims(json.get("id_token").asText());
    assertThat(claims.getAudience()).containsExactly("other");
    assertThat(claims.getStringClaim("email")).isEqualTo("bob+test@example.org");
  }

  @Test
  void urlFromTheEndpointsFile() throws Exception {
    LocalHallmark.Run r =
        run(
            "token",
            "--email",
            "carol@example.com",
            "--endpoints",
            dataDir.resolve("endpoints.json").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(claims(r.out().trim()).getIssuer()).isEqualTo(url);
  }

  @Test
  void refusalIsExitOneWithTheIssuersReason() {
    LocalHallmark.Run r = run("token", "--email", "not-an-address", "--url", url);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("hallmark: the OIDC issuer refused (HTTP 400): ")
        .contains("not an email address")
        .hasLineCount(1);
  }

  @Test
  void unreachableIssuerIsExitTwo() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    LocalHallmark.Run r =
        run("token", "--email", "a@example.com", "--url", "http://127.0.0.1:" + port);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("hallmark: cannot reach the OIDC issuer").hasLineCount(1);
  }

  @Test
  void missingOrUselessEndpointsFileIsExitTwo() throws Exception {
    LocalHallmark.Run missing =
        run(
            "token",
            "--email",
            "a@example.com",
            "--endpoints",
            dir.resolve("none.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist").hasLineCount(1);

    Path noIssuer = dir.resolve("endpoints.json");
    Files.writeString(noIssuer, "{\"rekorV2Url\": \"http://localhost:3003\"}");
    LocalHallmark.Run disabled =
        run("token", "--email", "a@example.com", "--endpoints", noIssuer.toString());
    assertThat(disabled.exit()).isEqualTo(2);
    assertThat(disabled.err()).contains("has no oidcIssuerUrl").hasLineCount(1);

    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{not json");
    LocalHallmark.Run unreadable =
        run("token", "--email", "a@example.com", "--endpoints", junk.toString());
    assertThat(unreadable.exit()).isEqualTo(2);
    assertThat(unreadable.err()).contains("cannot read").hasLineCount(1);
  }

  @Test
  void usageErrorsAreExitTwo() {
    LocalHallmark.Run noEmail = run("token", "--url", url);
    assertThat(noEmail.exit()).isEqualTo(2);
    assertThat(noEmail.err()).contains("--email");

    LocalHallmark.Run badOutput =
        run("token", "--email", "a@example.com", "--url", url, "--output", "xml");
    assertThat(badOutput.exit()).isEqualTo(2);
    assertThat(badOutput.err()).contains("--output must be jwt or json").hasLineCount(1);

    LocalHallmark.Run badUrl =
        run("token", "--email", "a@example.com", "--url", "ftp://example.com");
    assertThat(badUrl.exit()).isEqualTo(2);
    assertThat(badUrl.err()).contains("not an http(s) URL").hasLineCount(1);
  }

  @Test
  void helpListsTheCommand() {
    LocalHallmark.Run r = run("--help");
    assertThat(r.out()).contains("token");
    LocalHallmark.Run help = run("token", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--email", "--url", "--audience", "--output");
  }
}
