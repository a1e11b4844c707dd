package dev.hallmark.ca.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpJwksSourceTest {
  TestIssuer issuer;
  MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_750_000_000L));
  RSAKey key;

  @BeforeEach
  void setUp() throws Exception {
    issuer = new TestIssuer("");
    key = TestIssuer.rsa("k1");
    issuer.publish(key);
  }

  @AfterEach
  void tearDown() {
    issuer.close();
  }

  @Test
  void cachesForTheTtlThenRefetches() throws Exception {
    HttpJwksSource source = new HttpJwksSource(HttpClient.newHttpClient(), clock);
    assertThat(source.keys(issuer.url, false).getKeyByKeyId("k1")).isNotNull();
    assertThat(source.keys(issuer.url, false).getKeyByKeyId("k1").isPrivate()).isFalse();
    clock.advance(Duration.ofMinutes(59));
    source.keys(issuer.url, false);
    assertThat(issuer.jwksFetches).hasValue(1);
    clock.advance(Duration.ofMinutes(2));
    source.keys(issuer.url, false);
    assertThat(issuer.jwksFetches).hasValue(2);
  }

  @Test
  void refreshIsRateLimited() throws Exception {
    HttpJwksSource source = new HttpJwksSource(HttpClient.newHttpClient(), clock);
    source.keys(issuer.url, false);
    source.keys(issuer.url, true);
    clock.advance(Duration.ofSeconds(29));
    source.keys(issuer.url, true);
    assertThat(issuer.jwksFetches).hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    source.keys(issuer.url, true);
    assertThat(issuer.jwksFetches).hasValue(2);
  }

  @Test
  void failedRefetchKeepsKnownKeys() throws Exception {
    HttpJwksSource source = new HttpJwksSource(HttpClient.newHttpClient(), clock);
    source.keys(issuer.url, false);
    issuer.discoveryStatus = 503;
    clock.advance(Duration.ofHours(2));
    assertThat(source.keys(issuer.url, false).getKeyByKeyId("k1")).isNotNull();
    assertThat(issuer.discoveryFetches).hasValue(2);
  }

  @Test
  void limitsDocumentSize() throws Exception {
    for (int i = 0; i < 20; i++) {
      issuer.publish(TestIssuer.rsa("k" + (i + 2)));
    }
    HttpJwksSource source =
        new HttpJwksSource(
            HttpClient.newHttpClient(),
            clock,
            new HttpJwksSource.Limits(
                Duration.ofSeconds(5), 4096, Duration.ofHours(1), Duration.ofSeconds(30), 10));
    assertThatThrownBy(() -> source.keys(issuer.url, false))
        .isInstanceOf(JwksException.class)
        .hasMessageContaining("response larger than 4096 bytes");
  }

  @Test
  void refusesPlainHttpOffLoopbackAndBadDocuments() throws Exception {
    HttpJwksSource source = new HttpJwksSource(HttpClient.newHttpClient(), clock);
    assertThatThrownBy(() -> source.keys("http://issuer.example", false))
        .isInstanceOf(JwksException.class)
        .hasMessageContaining("must use https");
    issuer.discoveryStatus = 404;
    assertThatThrownBy(() -> source.keys(issuer.url, false))
        .isInstanceOf(JwksException.class)
        .hasMessageContaining("answered HTTP 404");
  }

  @Test
  void timesOut() throws Exception {
    issuer.server.createContext(
        "/slow/.well-known/openid-configuration",
        ex -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    HttpJwksSource source =
        new HttpJwksSource(
            HttpClient.newHttpClient(),
            clock,
            new HttpJwksSource.Limits(
                Duration.ofMillis(200), 4096, Duration.ofHours(1), Duration.ofSeconds(30), 10));
    assertThatThrownBy(() -> source.keys(issuer.url + "/slow", false))
        .isInstanceOf(JwksException.class)
        .hasMessageContaining("timed out");
  }
}
