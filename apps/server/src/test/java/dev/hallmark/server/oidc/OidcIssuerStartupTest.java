package dev.hallmark.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.config.ConfigException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuer is off unless configured, and refuses to listen beyond loopback by default. */
class OidcIssuerStartupTest {
  @TempDir Path dataDir;

  @Test
  void disabledByDefault() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (HallmarkServer server =
        HallmarkServer.start(
            dev.hallmark.server.TestConfigs.anyPorts(
                dataDir, "oidc.port", Integer.toString(port)))) {
      assertThat(server.endpoints()).doesNotContainKey("oidcIssuerUrl");
      assertThat(Files.readString(dataDir.resolve("endpoints.json")))
          .doesNotContain("oidcIssuerUrl");
      assertThat(Files.exists(dataDir.resolve("keys").resolve("oidc-issuer.pem"))).isFalse();
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void refusesANonLoopbackBindAddress() {
    assertThatThrownBy(
            () ->
                HallmarkServer.start(
                        dev.hallmark.server.TestConfigs.anyPorts(
                            dataDir, "bind.address", "0.0.0.0", "oidc.enabled", "true"))
                    .close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bind.address is 0.0.0.0")
        .hasMessageContaining("oidc.allow.non.loopback=true");
  }

  @Test
  void refusesAnEnabledValueThatIsNotABoolean() {
    assertThatThrownBy(
            () ->
                HallmarkServer.start(
                        dev.hallmark.server.TestConfigs.anyPorts(dataDir, "oidc.enabled", "yes"))
                    .close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("oidc.enabled must be true or false");
  }
}
