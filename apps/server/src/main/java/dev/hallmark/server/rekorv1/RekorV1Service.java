package dev.hallmark.server.rekorv1;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.keys.LogKey;
import dev.hallmark.server.trust.TrustRootDocuments;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.TransparencyLog;
import java.io.IOException;

/**
 * Starts the Rekor v1 log: origin {@code "<host> - <treeID>"}, checkpoint key name {@code <host>},
 * ECDSA P-256 key whose SPKI SHA-256 is the log ID (as upstream Rekor).
 */
public final class RekorV1Service {
  private RekorV1Service() {}

  /** Opens the log and mounts its API on its own port; returns it as trust roots list it. */
  public static TrustRootDocuments.Log start(Wiring w)
      throws IOException, ConfigException, LogUnavailableException {
    Wiring.Endpoint at = w.endpoint(ConfigKeys.REKOR_V1_PORT, ConfigKeys.REKOR_V1_URL);
    String host = at.host();
    LogKey key =
        w.logKey(
            ConfigKeys.REKOR_V1_KEY_FILE,
            ConfigKeys.REKOR_V1_PKCS11_LABEL,
            "rekor-v1-log.pem",
            "ecdsa-p256",
            host,
            "rekor-v1-log.pub");
    if (!key.publicKey().getAlgorithm().equals("EC")) {
      throw new ConfigException("the Rekor v1 log key must be ECDSA P-256");
    }
    TransparencyLog log =
        w.engine()
            .open("rekor-v1", treeId -> host + " - " + treeId, key.noteSigner(), w.logSettings());
    V1Json json = new V1Json(log.treeId(), PublicKeys.sha256Spki(key.publicKey()), key.signer());
    VirtualHostBuilder vhost = w.port(at.port(), log::healthy, log::ready);
    String pem = PublicKeys.pem("PUBLIC KEY", key.publicKey().getEncoded());
    new RekorV1Http(log, json, w.mapper(), w.workers(), pem).mount(vhost);
    return new TrustRootDocuments.Log(
        at.url(),
        key.publicKey(),
        key.signer().details().name(),
        PublicKeys.sha256Spki(key.publicKey()),
        1);
  }
}
