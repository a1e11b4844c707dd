package dev.hallmark.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.hallmark.ca.issuance.CaChain;
import dev.hallmark.server.analyzer.AnalyzerService;
import dev.hallmark.server.ca.CaService;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.ctlog.CtLogService;
import dev.hallmark.server.database.Database;
import dev.hallmark.server.http.ProblemErrorHandler;
import dev.hallmark.server.keys.TokenKeys;
import dev.hallmark.server.oidc.OidcIssuerService;
import dev.hallmark.server.rekorv1.RekorV1Service;
import dev.hallmark.server.rekorv2.RekorV2Service;
import dev.hallmark.server.trust.TrustEpoch;
import dev.hallmark.server.trust.TrustRootDocuments;
import dev.hallmark.server.trust.TrustService;
import dev.hallmark.server.tsa.TsaService;
import dev.hallmark.tlog.LogEngine;
import dev.hallmark.tlog.LogSettings;
import dev.hallmark.tlog.LogUnavailableException;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires every service into one process: database, log engine, HTTP server (one port per service,
 * each served at the root of its own origin), metrics and health. The one place where clocks,
 * randomness, keys and data sources are created.
 */
public final class HallmarkServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HallmarkServer.class);

  private final Database database;
  private final LogEngine engine;
  private final Server server;
  private final ExecutorService verifiers;
  private final ExecutorService completions;
  private final Map<String, String> endpoints;
  private final AutoCloseable analyzerWorkers;

  private HallmarkServer(
      Database database,
      LogEngine engine,
      Server server,
      ExecutorService verifiers,
      ExecutorService completions,
      Map<String, String> endpoints,
      AutoCloseable analyzerWorkers) {
    this.database = database;
    this.analyzerWorkers = analyzerWorkers;
    this.engine = engine;
    this.server = server;
    this.verifiers = verifiers;
    this.completions = completions;
    this.endpoints = endpoints;
  }

  /** Starts everything the configuration asks for; returns once all ports accept requests. */
  public static HallmarkServer start(ServerConfig config)
      throws IOException, ConfigException, LogUnavailableException {
    Path dataDir = config.path(ConfigKeys.DATA_DIR);
    Files.createDirectories(dataDir);
    String processId =
        config
            .optional(ConfigKeys.PROCESS_ID)
            .orElse(ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);

    Database database =
        Database.open(
            config.get(ConfigKeys.DATABASE_URL),
            config.get(ConfigKeys.DATABASE_USER),
            config.get(ConfigKeys.DATABASE_PASSWORD),
            config.intValue(ConfigKeys.DATABASE_POOL, 2, 500),
            dataDir,
            config.intValue(ConfigKeys.EMBEDDED_PORT, 0, 65535));
    ExecutorService verifiers =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), named("verify"));
    ExecutorService completions = Executors.newFixedThreadPool(2, named("complete"));
    LogEngine engine =
        new LogEngine(
            database.dataSource(),
            metrics,
            processId,
            completions,
            Clock.systemUTC(),
            new SecureRandom());
    try {
      int maxRequest = config.intValue(ConfigKeys.MAX_REQUEST_BYTES, 1024, 64 << 20);
      LogSettings defaults = LogSettings.defaults();
      LogSettings settings =
          new LogSettings(
              config.intValue(ConfigKeys.TLOG_BATCH_SIZE, 1, 10_000),
              Duration.ofMillis(config.intValue(ConfigKeys.TLOG_BATCH_DELAY_MS, 0, 10_000)),
              Duration.ofMillis(config.intValue(ConfigKeys.TLOG_LEASE_TTL_MS, 100, 600_000)),
              defaults.queueCapacity(),
              defaults.tileCacheTiles(),
              defaults.handoverTimeout());
      ServerBuilder sb =
          Server.builder()
              .meterRegistry(metrics)
              .maxRequestLength(maxRequest)
              .errorHandler(new ProblemErrorHandler(maxRequest))
              .gracefulShutdownTimeout(Duration.ofSeconds(2), Duration.ofSeconds(15));
      Wiring wiring =
          new Wiring(
              config,
              dataDir,
              database,
              engine,
              settings,
              sb,
              metrics,
              verifiers,
              new ObjectMapper(),
              new SecureRandom(),
              Clock.systemUTC(),
              new TokenKeys(config),
              config.get(ConfigKeys.BIND_ADDRESS),
              config.get(ConfigKeys.PUBLIC_HOST));
      Map<String, String> endpoints = new LinkedHashMap<>();
      TrustRootDocuments.Log rekorV1 = RekorV1Service.start(wiring);
      TrustRootDocuments.Log rekorV2 = RekorV2Service.start(wiring);
      endpoints.put("rekorV1Url", rekorV1.baseUrl());
      endpoints.put("rekorV2Url", rekorV2.baseUrl());
      Clock clock = wiring.clock();
      Optional<String> oidc = OidcIssuerService.start(wiring, clock);
      CaChain ca = CaService.chain(wiring, clock);
      CtLogService.Started ctlog = CtLogService.start(wiring, List.of(ca.root()), clock);
      String caUrl = CaService.start(wiring, ca, ctlog.log(), oidc, clock);
      endpoints.put("caUrl", caUrl);
      endpoints.put("ctlogUrl", ctlog.url());
      TsaService.Started tsa = TsaService.start(wiring);
      endpoints.put("tsaUrl", tsa.timestampUrl());
      oidc.ifPresent(url -> endpoints.put("oidcIssuerUrl", url));
      TrustRootDocuments.Services services =
          new TrustRootDocuments.Services(
              List.of(rekorV2, rekorV1),
              new TrustRootDocuments.Authority(caUrl, ca.certChain()),
              List.of(ctlog.published()),
              Optional.of(new TrustRootDocuments.Authority(tsa.timestampUrl(), tsa.chain())),
              oidc,
              config.get(ConfigKeys.PUBLIC_HOST),
              TrustEpoch.loadOrCreate(
                  dataDir, config.optional(ConfigKeys.TRUST_VALID_FROM), clock));
      TrustService.Started trust =
          TrustService.start(
              wiring, new TrustRootDocuments(wiring.mapper()).write(dataDir, services));
      endpoints.put("tufUrl", trust.url());
      AnalyzerService.Started analyzer = AnalyzerService.start(wiring);
      endpoints.put("analyzerUrl", analyzer.url());
      Server server = sb.build();
      server.start().join();
      writeEndpoints(dataDir, endpoints);
      endpoints.forEach((name, url) -> log.info("{} {}", name, url));
      return new HallmarkServer(
          database, engine, server, verifiers, completions, endpoints, analyzer.workers());
    } catch (IOException | ConfigException | LogUnavailableException | RuntimeException e) {
      engine.close();
      verifiers.shutdownNow();
      completions.shutdownNow();
      database.close();
      throw e;
    }
  }

  private static void writeEndpoints(Path dataDir, Map<String, String> endpoints)
      throws IOException {
    ObjectNode json = new ObjectMapper().createObjectNode();
    endpoints.forEach(json::put);
    Path tmp = Files.createTempFile(dataDir, ".endpoints", ".tmp");
    Files.writeString(
        tmp,
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
        StandardCharsets.UTF_8);
    Files.move(
        tmp,
        dataDir.resolve("endpoints.json"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Service name to base URL, as written to endpoints.json. */
  public Map<String, String> endpoints() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
  }

  /** Graceful: stop accepting, finish in-flight requests, stop sequencers, close the database. */
  @Override
  public void close() throws IOException {
    server.stop().join();
    try {
      analyzerWorkers.close();
    } catch (Exception e) {
      log.warn("stopping the findings workers: {}", e.getMessage());
    }
    engine.close();
    verifiers.shutdown();
    completions.shutdown();
    database.close();
  }
}
