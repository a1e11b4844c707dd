package dev.hallmark.server.ctlog;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.ctlog.CtLog;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.http.OpenApi;
import dev.hallmark.server.keys.LogKey;
import dev.hallmark.server.trust.TrustRootDocuments;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.TransparencyLog;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * Starts the certificate-transparency log: its own port, an ECDSA P-256 key (log ID = SHA-256 of
 * its SPKI), accepting chains up to the given roots (Hallmark's CA).
 */
public final class CtLogService {
  private CtLogService() {}

  /** A started CT log and its base URL. */
  public record Started(String url, CtLog log, TrustRootDocuments.Log published) {}

  public static Started start(Wiring w, List<X509Certificate> roots, Clock clock)
      throws IOException, ConfigException, LogUnavailableException {
    Wiring.Endpoint at = w.endpoint(ConfigKeys.CTLOG_PORT, ConfigKeys.CTLOG_URL);
    String host = at.host();
    LogKey key =
        w.logKey(
            ConfigKeys.CTLOG_KEY_FILE,
            ConfigKeys.CTLOG_PKCS11_LABEL,
            "ctlog.pem",
            "ecdsa-p256",
            host,
            "ctlog.pub");
    TransparencyLog log = w.engine().open("ctlog", host, key.noteSigner(), w.logSettings());
    CtLog ct;
    try {
      ct = new CtLog(log, key.signer(), clock, roots);
    } catch (UnsupportedKeyException e) {
      throw new ConfigException("the CT log key must be ECDSA P-256: " + e.getMessage());
    }
    VirtualHostBuilder vhost = w.port(at.port(), log::healthy, log::ready);
    new CtLogHttp(ct, w.mapper()).mount(vhost);
    OpenApi.mount(vhost, "ctlog.json");
    return new Started(
        at.url(),
        ct,
        new TrustRootDocuments.Log(
            at.url(),
            key.publicKey(),
            key.signer().details().name(),
            PublicKeys.sha256Spki(key.publicKey()),
            1));
  }
}
