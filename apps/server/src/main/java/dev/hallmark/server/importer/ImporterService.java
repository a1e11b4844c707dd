package dev.hallmark.server.importer;

import com.linecorp.armeria.server.ServerListener;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.importer.ImportRunner;
import dev.hallmark.importer.ImporterSettings;
import dev.hallmark.importer.Importers;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Importers on the analyzer's port: their API, and (with {@code importer.runner.enabled}) the
 * scheduler that runs them into the analyzer. Local sources must lie below {@code
 * importer.allowed.dirs}. Stopped with the server.
 */
public final class ImporterService {
  private ImporterService() {}

  /** Mounts the API on the analyzer's {@code host} and starts the runner if configured. */
  public static void start(Wiring w, VirtualHostBuilder host, Analyzer analyzer)
      throws ConfigException {
    String holder =
        w.config()
            .optional(ConfigKeys.PROCESS_ID)
            .orElse(ProcessHandle.current().pid() + "@" + w.publicHost());
    List<Path> roots =
        Arrays.stream(w.config().get(ConfigKeys.IMPORTER_ALLOWED_DIRS).split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Path::of)
            .toList();
    Duration timeout =
        Duration.ofSeconds(w.config().intValue(ConfigKeys.IMPORTER_FETCH_TIMEOUT_SECONDS, 1, 3600));
    ImporterSettings settings =
        new ImporterSettings(
            holder + "-" + Long.toHexString(w.random().nextLong()),
            Duration.ofSeconds(w.config().intValue(ConfigKeys.IMPORTER_LEASE_SECONDS, 3, 3600)),
            timeout,
            roots,
            w.dataDir().resolve("importer"),
            w.config().intValue(ConfigKeys.IMPORTER_REPORTS_KEPT, 1, 10_000),
            Duration.ofSeconds(1));
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    Importers importers =
        new Importers(
            w.database().dataSource(),
            new AnalyzerSink(analyzer, w.metrics()),
            http,
            w.clock(),
            settings);
    new ImporterHttp(importers).mount(host);
    ImportRunner runner =
        Boolean.parseBoolean(w.config().get(ConfigKeys.IMPORTER_RUNNER_ENABLED))
            ? new ImportRunner(
                importers,
                Duration.ofSeconds(
                    w.config().intValue(ConfigKeys.IMPORTER_TICK_SECONDS, 1, 86_400)),
                w.config().intValue(ConfigKeys.IMPORTER_CONCURRENCY, 1, 64))
            : null;
    w.server()
        .serverListener(
            ServerListener.builder()
                .whenStopping(
                    s -> {
                      if (runner != null) {
                        runner.close();
                      }
                      importers.close();
                    })
                .build());
  }
}
