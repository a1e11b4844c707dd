package dev.hallmark.server.oidc;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the built-in OIDC issuer when {@code oidc.enabled=true} (which {@code hallmark up} sets
 * unless told otherwise): its own port, a signing key generated on first start, issuer URL = its
 * base URL. Refuses to start on a non-loopback bind address unless {@code
 * oidc.allow.non.loopback=true}: anyone who can reach the issuer can mint any identity.
 */
public final class OidcIssuerService {
  private static final Logger log = LoggerFactory.getLogger(OidcIssuerService.class);

  private OidcIssuerService() {}

  /**
   * Mounts the issuer on its own port if enabled.
   *
   * @return the issuer URL ({@code iss}), or empty when the issuer is disabled
   * @throws ConfigException if a setting is invalid or the bind address is not loopback
   * @throws IOException if the signing key cannot be read or written
   */
  public static Optional<String> start(Wiring w, Clock clock) throws IOException, ConfigException {
    ServerConfig config = w.config();
    if (!flag(config, ConfigKeys.OIDC_ENABLED)) {
      return Optional.empty();
    }
    if (!isLoopback(w.bindAddress()) && !flag(config, ConfigKeys.OIDC_ALLOW_NON_LOOPBACK)) {
      throw new ConfigException(
          "the built-in OIDC issuer lets anyone who reaches it mint any identity, so it listens"
              + " only on loopback, but bind.address is "
              + w.bindAddress()
              + ": set oidc.enabled=false (HALLMARK_OIDC_ENABLED=false) and use a real OIDC"
              + " provider, or oidc.allow.non.loopback=true if you really mean it");
    }
    int port = Wiring.freePortIfZero(config.intValue(ConfigKeys.OIDC_PORT, 0, 65535));
    String url = w.url(ConfigKeys.OIDC_URL, port);
    Wiring.hostOf(url);
    Path keyFile =
        config
            .optional(ConfigKeys.OIDC_KEY_FILE)
            .map(Path::of)
            .orElse(w.dataDir().resolve("keys").resolve("oidc-issuer.pem"));
    IssuerKey key = IssuerKey.loadOrCreate(keyFile, w.random());
    Duration lifetime =
        Duration.ofSeconds(config.intValue(ConfigKeys.OIDC_TOKEN_LIFETIME_SECONDS, 1, 86_400));
    TokenIssuer issuer = new TokenIssuer(url, key, lifetime, clock, w.random());
    VirtualHostBuilder host = w.port(port, () -> true, () -> true);
    new OidcIssuerHttp(issuer, w.mapper(), w.workers(), w.metrics()).mount(host);
    log.warn(
        "built-in OIDC issuer enabled at {}: it issues tokens for any email address to anyone"
            + " who can reach it; for local use only",
        url);
    return Optional.of(url);
  }

  private static boolean flag(ServerConfig config, String key) throws ConfigException {
    String v = config.get(key);
    if (v.isEmpty() || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    throw new ConfigException(key + " must be true or false, not '" + v + "'");
  }

  private static boolean isLoopback(String bindAddress) throws ConfigException {
    try {
      for (InetAddress a : InetAddress.getAllByName(bindAddress)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new ConfigException("bind.address " + bindAddress + " is not a known address");
    }
  }
}
