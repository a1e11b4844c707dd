package dev.hallmark.cli;

import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Test helpers: a real Hallmark server in this JVM, configured as {@code hallmark up} configures it
 * (built-in OIDC issuer on, CA over TLS with a generated certificate) but on free ports; and a way
 * to run the {@code hallmark} command and capture its exit code and output.
 */
public final class LocalHallmark {
  private LocalHallmark() {}

  /** What a command did. */
  public record Run(int exit, String out, String err) {}

  /** Starts every service with its data under {@code dataDir}. */
  public static HallmarkServer start(Path dataDir) throws Exception {
    return HallmarkServer.start(config(dataDir, "oidc.enabled", "true", "ca.tls", "true"));
  }

  /**
   * Every service on a free port with its data under {@code dataDir}, plus {@code settings} as
   * key/value pairs; without any, the CA answers plain HTTP and there is no built-in issuer.
   */
  public static ServerConfig config(Path dataDir, String... settings) throws ConfigException {
    if (settings.length % 2 != 0) {
      throw new IllegalArgumentException("settings come in key/value pairs");
    }
    Map<String, String> config = new HashMap<>();
    config.put("data.dir", dataDir.toString());
    for (String port :
        new String[] {
          "rekor.v1.port",
          "rekor.v2.port",
          "ctlog.port",
          "ca.port",
          "tsa.port",
          "trust.port",
          "analyzer.port",
          "oidc.port"
        }) {
      config.put(port, "0");
    }
    for (int i = 0; i < settings.length; i += 2) {
      config.put(settings[i], settings[i + 1]);
    }
    return ServerConfig.of(config);
  }

  /** Runs {@code hallmark args...} in this JVM. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
