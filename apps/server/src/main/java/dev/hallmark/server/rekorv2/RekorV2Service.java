package dev.hallmark.server.rekorv2;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.keys.LogKey;
import dev.hallmark.server.trust.TrustRootDocuments;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.TransparencyLog;
import java.io.IOException;

/** Starts the Rekor v2 log: origin and key name = host of its URL; Ed25519 key by default. */
public final class RekorV2Service {
  private RekorV2Service() {}

  /** Opens the log and mounts its API on its own port; returns it as trust roots list it. */
  public static TrustRootDocuments.Log start(Wiring w)
      throws IOException, ConfigException, LogUnavailableException {
    Wiring.Endpoint at = w.endpoint(ConfigKeys.REKOR_V2_PORT, ConfigKeys.REKOR_V2_URL);
    String origin = at.host();
    LogKey key =
        w.logKey(
            ConfigKeys.REKOR_V2_KEY_FILE,
            ConfigKeys.REKOR_V2_PKCS11_LABEL,
            "rekor-v2-log.pem",
            w.config().get(ConfigKeys.REKOR_V2_KEY_TYPE),
            origin,
            "rekor-v2-log.pub");
    TransparencyLog log = w.engine().open("rekor-v2", origin, key.noteSigner(), w.logSettings());
    VirtualHostBuilder host = w.port(at.port(), log::healthy, log::ready);
    new RekorV2Http(log, w.mapper(), w.workers()).mount(host);
    // the v2 log ID is the C2SP checkpoint key ID (spec §5.5)
    return new TrustRootDocuments.Log(
        at.url(), key.publicKey(), key.signer().details().name(), key.noteSigner().keyHash(), 2);
  }
}
