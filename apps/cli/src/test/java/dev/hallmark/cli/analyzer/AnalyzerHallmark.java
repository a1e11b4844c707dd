package dev.hallmark.cli.analyzer;

import dev.hallmark.cli.LocalHallmark;
import dev.hallmark.server.HallmarkServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server for the analyzer commands' tests ({@link LocalHallmark#config}: free ports, plain HTTP,
 * no built-in issuer), and {@code hallmark} runs pointed at it by its endpoints file.
 */
final class AnalyzerHallmark implements AutoCloseable {
  private final HallmarkServer server;
  private final Path dataDir;

  private AnalyzerHallmark(HallmarkServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /** Starts it with its data under {@code dataDir} and {@code settings} (key/value pairs). */
  static AnalyzerHallmark start(Path dataDir, String... settings) throws Exception {
    return new AnalyzerHallmark(
        HallmarkServer.start(LocalHallmark.config(dataDir, settings)), dataDir);
  }

  /** The endpoints file the server wrote. */
  Path endpoints() {
    return dataDir.resolve("endpoints.json");
  }

  /** {@code hallmark args... --endpoints <this server's>}. */
  LocalHallmark.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--endpoints");
    all.add(endpoints().toString());
    return LocalHallmark.run(all.toArray(String[]::new));
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
