package dev.hallmark.server;

import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Server configuration for in-JVM tests: a data directory and any free port for every service. */
public final class TestConfigs {
  private TestConfigs() {}

  /** Free ports everywhere, plus {@code extra} key/value pairs (which win). */
  public static ServerConfig anyPorts(Path dataDir, String... extra) throws ConfigException {
    Map<String, String> values = new HashMap<>();
    values.put("data.dir", dataDir.toString());
    for (String port :
        new String[] {
          "rekor.v1.port",
          "rekor.v2.port",
          "ctlog.port",
          "ca.port",
          "oidc.port",
          "tsa.port",
          "trust.port",
          "analyzer.port"
        }) {
      values.put(port, "0");
    }
    if (extra.length % 2 != 0) {
      throw new IllegalArgumentException("extra settings come in key/value pairs");
    }
    for (int i = 0; i < extra.length; i += 2) {
      values.put(extra[i], extra[i + 1]);
    }
    return ServerConfig.of(values);
  }
}
