package dev.hallmark.cli;

import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hallmark up}: runs every service until interrupted. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start every Hallmark service in this process and print their URLs.",
      "Uses an embedded PostgreSQL under the data directory unless HALLMARK_DATABASE_URL",
      "(or database.url in the config file) names an external one."
    })
final class UpCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (default: ./hallmark.properties if present).")
  Path config = Path.of(ConfigKeys.DEFAULT_FILE);

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where keys, the embedded database and endpoints.json live (default .hallmark).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (dataDir != null) {
      env.put(ConfigKeys.envName(ConfigKeys.DATA_DIR), dataDir.toString());
    }
    if (ServerConfig.load(config, env).optional(ConfigKeys.OIDC_ENABLED).isEmpty()) {
      // Local use: the built-in OIDC issuer is on unless the file or environment says otherwise.
      env.put(ConfigKeys.envName(ConfigKeys.OIDC_ENABLED), "true");
    }
    if (ServerConfig.load(config, env).optional(ConfigKeys.CA_TLS).isEmpty()) {
      // sigstore-java reaches the CA only by gRPC over TLS: serve the CA port over TLS (a
      // self-signed certificate in data.dir/tls/ unless ca.tls.cert.file names one).
      env.put(ConfigKeys.envName(ConfigKeys.CA_TLS), "true");
    }
    ServerConfig cfg = ServerConfig.load(config, env);
    HallmarkServer server = HallmarkServer.start(cfg);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    System.err.println("hallmark: error during shutdown: " + Main.oneLine(e));
                  }
                  stopped.countDown();
                },
                "shutdown"));
    System.out.println("Hallmark is up.");
    server.endpoints().forEach((k, v) -> System.out.printf("  %-14s %s%n", k, v));
    System.out.println(
        "Endpoints written to " + cfg.path(ConfigKeys.DATA_DIR).resolve("endpoints.json"));
    System.out.flush();
    stopped.await();
    return 0;
  }
}
