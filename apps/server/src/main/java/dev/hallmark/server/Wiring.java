package dev.hallmark.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.TlsKeyPair;
import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.VirtualHostBuilder;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import dev.hallmark.ca.issuance.CaKeyException;
import dev.hallmark.ca.issuance.CaNames;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.database.Database;
import dev.hallmark.server.keys.LogKey;
import dev.hallmark.server.keys.NoteKeyFiles;
import dev.hallmark.server.keys.TokenKeys;
import dev.hallmark.server.ops.OpsHttp;
import dev.hallmark.tlog.LogEngine;
import dev.hallmark.tlog.LogSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * What every service needs to start, made once by {@link HallmarkServer}: configuration, data
 * directory, database, log engine, HTTP server builder, metrics, worker pool, randomness.
 */
public record Wiring(
    ServerConfig config,
    Path dataDir,
    Database database,
    LogEngine engine,
    LogSettings logSettings,
    ServerBuilder server,
    PrometheusMeterRegistry metrics,
    Executor workers,
    ObjectMapper mapper,
    SecureRandom random,
    Clock clock,
    TokenKeys tokens,
    String bindAddress,
    String publicHost) {

  /**
   * Binds a service port (resolving 0 to a free port) and returns its virtual host, with health,
   * readiness and metrics mounted.
   */
  public VirtualHostBuilder port(int port, BooleanSupplier healthy, BooleanSupplier ready) {
    server.http(new InetSocketAddress(bindAddress, port));
    return mount(port, healthy, ready);
  }

  /**
   * Like {@link #port}, but the port speaks TLS (HTTP/1.1 and HTTP/2 by ALPN) with {@code tls}.
   * Armeria picks a certificate by SNI, not by port, so {@code tls} is the server's default: one
   * TLS service per process.
   */
  public VirtualHostBuilder tlsPort(
      int port, TlsKeyPair tls, BooleanSupplier healthy, BooleanSupplier ready) {
    server.https(new InetSocketAddress(bindAddress, port));
    server.tls(tls);
    return mount(port, healthy, ready);
  }

  private VirtualHostBuilder mount(int port, BooleanSupplier healthy, BooleanSupplier ready) {
    VirtualHostBuilder host = server.virtualHost(port);
    // Request counts and latencies per route and status (so refusals are counted too).
    host.decorator(
        MetricCollectingService.newDecorator(
            MeterIdPrefixFunction.ofDefault("hallmark.http")
                .withTags("port", Integer.toString(port))));
    new OpsHttp(metrics, healthy, () -> ready.getAsBoolean() && database.reachable()).mount(host);
    return host;
  }

  /**
   * Port-based virtual hosts need the port before binding: "0" (any free port, for tests and
   * side-by-side instances) is resolved here.
   */
  public static int freePortIfZero(int port) throws IOException {
    if (port != 0) {
      return port;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  /** Where a service listens and how it is reached: port, base URL and the URL's host. */
  public record Endpoint(int port, String url, String host) {}

  /** Resolves a service's port ({@code portKey}, 0 = any free port) and URL ({@code urlKey}). */
  public Endpoint endpoint(String portKey, String urlKey) throws IOException, ConfigException {
    return endpoint(portKey, urlKey, false);
  }

  /** Like {@link #endpoint(String, String)}; the default URL is https:// when {@code tls}. */
  public Endpoint endpoint(String portKey, String urlKey, boolean tls)
      throws IOException, ConfigException {
    int port = freePortIfZero(config.intValue(portKey, 0, 65535));
    String url =
        config.optional(urlKey).orElse((tls ? "https" : "http") + "://" + publicHost + ":" + port);
    return new Endpoint(port, url, hostOf(url));
  }

  /**
   * A log's key. When {@code labelKey} names a label, an ECDSA P-256 key on the PKCS#11 token
   * ({@link TokenKeys}), generated there on first start; otherwise the file named by {@code
   * keyFileKey} (default {@code data.dir/keys/<defaultFile>}), generated as {@code type} if absent.
   * Its public half is written to {@code data.dir/<publicFile>} for verifiers.
   */
  public LogKey logKey(
      String keyFileKey,
      String labelKey,
      String defaultFile,
      String type,
      String keyName,
      String publicFile)
      throws IOException, ConfigException {
    Optional<String> label = tokens.label(labelKey);
    LogKey key;
    if (label.isPresent()) {
      try {
        Signer signer =
            tokens
                .token()
                .loadOrGenerateSigner(
                    label.get(),
                    "secp256r1",
                    KeyDetails.PKIX_ECDSA_P256_SHA_256,
                    new CaNames("Hallmark", "Hallmark log key " + label.get()),
                    clock,
                    random);
        key = new LogKey(signer, NoteKeys.ecdsa(keyName, signer));
      } catch (CaKeyException e) {
        throw new ConfigException(labelKey + ": " + e.getMessage());
      }
    } else {
      Path file =
          config
              .optional(keyFileKey)
              .map(Path::of)
              .orElse(dataDir.resolve("keys").resolve(defaultFile));
      key = new NoteKeyFiles(random).loadOrCreate(file, type, keyName);
    }
    NoteKeyFiles.writePublicKey(dataDir.resolve(publicFile), key.publicKey());
    return key;
  }

  /** The base URL of a service: configured, or http://public.host:port. */
  public String url(String urlKey, int port) {
    return config.optional(urlKey).orElse("http://" + publicHost + ":" + port);
  }

  /** The host of a service URL: a log's checkpoint key name (sigstore-java compares them). */
  public static String hostOf(String baseUrl) throws ConfigException {
    try {
      URI uri = URI.create(baseUrl);
      if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
        throw new ConfigException(
            "a service URL must be scheme://host[:port] with no path or trailing slash: "
                + baseUrl);
      }
      return uri.getHost();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("not a URL: " + baseUrl);
    }
  }
}
