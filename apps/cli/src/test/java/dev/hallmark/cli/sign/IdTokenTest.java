package dev.hallmark.cli.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The claims the signer reads from an ID token, and what its proof of possession signs. */
class IdTokenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String jwt(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }

  @Test
  void emailTokensProveTheEmailOthersTheSubject() {
    IdToken email =
        IdToken.parse(
            jwt("{\"iss\":\"http://localhost:3004\",\"sub\":\"1234\",\"email\":\"a@example.com\"}"),
            JSON);
    assertThat(email.issuer()).isEqualTo("http://localhost:3004");
    assertThat(email.challenge()).isEqualTo("a@example.com");
    IdToken ci =
        IdToken.parse(
            jwt(
                "{\"iss\":\"https://token.actions.githubusercontent.com\","
                    + "\"sub\":\"repo:o/r:ref:refs/heads/main\"}"),
            JSON);
    assertThat(ci.email()).isNull();
    assertThat(ci.challenge()).isEqualTo("repo:o/r:ref:refs/heads/main");
  }

  @Test
  void refusesWhatIsNotAJwtWithIssuerAndSubject() {
    assertThatThrownBy(() -> IdToken.parse("abc", JSON)).hasMessageContaining("not a JWT");
    assertThatThrownBy(() -> IdToken.parse("a.!!!.c", JSON))
        .hasMessageContaining("not base64url JSON");
    assertThatThrownBy(() -> IdToken.parse(jwt("{\"sub\":\"x\"}"), JSON))
        .hasMessageContaining("no iss or sub");
  }
}
