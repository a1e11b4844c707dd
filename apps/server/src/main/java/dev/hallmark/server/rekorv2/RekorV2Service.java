package dev.hallmark.server.rekorv2;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.keys.LogKey;
import dev.hallmark.server.keys.NoteKeyFiles;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.TransparencyLog;
import java.io.IOException;
import java.nio.file.Path;

/** Starts the Rekor v2 log: origin and key name = host of its URL; Ed25519 key by default. */
public final class RekorV2Service {
  private RekorV2Service() {}

  /** Opens the log and mounts its API on its own port; returns the base URL. */
  public static String start(Wiring w)
      throws IOException, ConfigException, LogUnavailableException {
    int port = Wiring.freePortIfZero(w.config().intValue(ConfigKeys.REKOR_V2_PORT, 0, 65535));
    String url = w.url(ConfigKeys.REKOR_V2_URL, port);
    String origin = Wiring.hostOf(url);
    Path keyFile =
        w.config()
            .optional(ConfigKeys.REKOR_V2_KEY_FILE)
            .map(Path::of)
            .orElse(w.dataDir().resolve("keys").resolve("rekor-v2-log.pem"));
    LogKey key =
        new NoteKeyFiles(w.random())
            .loadOrCreate(keyFile, w.config().get(ConfigKeys.REKOR_V2_KEY_TYPE), origin);
    NoteKeyFiles.writePublicKey(w.dataDir().resolve("rekor-v2-log.pub"), key.publicKey());
    TransparencyLog log = w.engine().open("rekor-v2", origin, key.signer(), w.logSettings());
    VirtualHostBuilder host = w.port(port, log::healthy, log::ready);
    new RekorV2Http(log, w.mapper(), w.workers()).mount(host);
    return url;
  }
}
