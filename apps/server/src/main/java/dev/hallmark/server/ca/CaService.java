package dev.hallmark.server.ca;

import dev.hallmark.ca.issuance.CaChain;
import dev.hallmark.ca.issuance.CaChainException;
import dev.hallmark.ca.issuance.CaKeyException;
import dev.hallmark.ca.issuance.CaNames;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The CA's key and chain: loaded from {@code ca.dir}, or generated there on first start (a root and
 * an intermediate). The Fulcio API on top of it is not wired yet.
 */
public final class CaService {
  private CaService() {}

  public static CaChain chain(Wiring w, Clock clock) throws ConfigException {
    Path dir =
        w.config().optional(ConfigKeys.CA_DIR).map(Path::of).orElse(w.dataDir().resolve("ca"));
    try {
      return CaChain.loadOrGenerate(dir, new CaNames("Hallmark", "Hallmark CA"), clock, w.random());
    } catch (CaChainException | CaKeyException e) {
      throw new ConfigException("cannot load or create the CA in " + dir + ": " + e.getMessage());
    }
  }
}
