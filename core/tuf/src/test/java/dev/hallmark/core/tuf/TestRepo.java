package dev.hallmark.core.tuf;

import com.sun.net.httpserver.HttpServer;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A repository built with {@link RepositoryWriter} in a temp directory and served by a loopback
 * {@link HttpServer}; a settable clock; and helpers to tamper with the served files.
 */
final class TestRepo implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Expiries EXPIRIES =
      new Expiries(
          Duration.ofDays(365), Duration.ofDays(180), Duration.ofDays(30), Duration.ofDays(1));
  static final byte[] TRUSTED_ROOT =
      "{\"mediaType\":\"trusted root v1\"}\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] SIGNING_CONFIG =
      "{\"mediaType\":\"signing config\"}\n".getBytes(StandardCharsets.UTF_8);

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  final MutableClock clock = new MutableClock();
  final Path repoDir;
  final Path cacheDir;
  final HttpServer server;
  final URI mirror;
  final TufSigner root1 = ecdsa();
  final TufSigner targets1 = ed25519();
  final TufSigner snapshot1 = ecdsa();
  final TufSigner timestamp1 = ed25519();
  final RepositoryWriter writer;
  final byte[] rootV1;

  TestRepo(Path tmp) throws Exception {
    repoDir = Files.createDirectories(tmp.resolve("repo"));
    cacheDir = tmp.resolve("cache");
    writer =
        RepositoryWriter.initialize(
            clock,
            EXPIRIES,
            roles(root1, targets1, snapshot1, timestamp1),
            List.of(root1, targets1, snapshot1, timestamp1),
            Map.of("trusted_root.json", TRUSTED_ROOT, "signing_config.v0.2.json", SIGNING_CONFIG));
    writer.allFiles().writeTo(repoDir);
    rootV1 = writer.root().toJson();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          // com.sun's server and the JDK client stall ~40 ms per keep-alive request (Nagle and
          // delayed ACK on loopback); one connection per request keeps the tests fast
          exchange.getResponseHeaders().add("Connection", "close");
          Path file = repoDir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          if (!file.startsWith(repoDir) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
    mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  static TufSigner ecdsa() throws Exception {
    return TufSigner.of(
        Signers.create(
            Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM),
            KeyDetails.PKIX_ECDSA_P256_SHA_256));
  }

  static TufSigner ed25519() throws Exception {
    return TufSigner.of(
        Signers.create(Signers.generate(KeyDetails.PKIX_ED25519, RANDOM), KeyDetails.PKIX_ED25519));
  }

  static Map<Role, RoleSetup> roles(
      TufSigner root, TufSigner targets, TufSigner snapshot, TufSigner timestamp) {
    Map<Role, RoleSetup> roles = new EnumMap<>(Role.class);
    roles.put(Role.ROOT, RoleSetup.single(root.key()));
    roles.put(Role.TARGETS, RoleSetup.single(targets.key()));
    roles.put(Role.SNAPSHOT, RoleSetup.single(snapshot.key()));
    roles.put(Role.TIMESTAMP, RoleSetup.single(timestamp.key()));
    return roles;
  }

  /** A client seeded with root version 1 over HTTP. */
  TufClient client() throws Exception {
    return TufClient.bootstrap(
        new HttpRemoteRepository(HttpClient.newHttpClient(), mirror, Duration.ofSeconds(10)),
        cacheDir,
        clock,
        ClientLimits.DEFAULT,
        rootV1);
  }

  void publish(Publication p) throws IOException {
    p.writeTo(repoDir);
  }

  byte[] read(String path) throws IOException {
    return Files.readAllBytes(repoDir.resolve(path));
  }

  void write(String path, byte[] bytes) throws IOException {
    Files.write(repoDir.resolve(path), bytes);
  }

  /**
   * Serves a new timestamp, one version above the writer's, valid for a day, listing {@code
   * snapshot} (signed with the timestamp key: for serving a snapshot the writer did not make).
   */
  void serveTimestamp(MetaFile snapshot) throws Exception {
    Timestamp current = writer.timestamp().signed();
    serve(
        Metadata.of(
                new Timestamp(
                    "1.0",
                    current.version() + 1,
                    clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
                    snapshot))
            .sign(timestamp1));
  }

  /** Serves {@code md} as the file its role and version name. */
  void serve(Metadata<?> md) throws IOException {
    Signed s = md.signed();
    String path =
        s.role() == Role.TIMESTAMP
            ? "timestamp.json"
            : s.role() == Role.ROOT
                ? s.version() + ".root.json"
                : s.version() + "." + s.role().jsonName() + ".json";
    write(path, md.toJson());
  }

  /** Path of target {@code name} as currently published. */
  String targetPath(String name) {
    TargetFile t = writer.targets().signed().targets().get(name);
    int slash = name.lastIndexOf('/');
    return "targets/"
        + name.substring(0, slash + 1)
        + t.hashes().get("sha256")
        + "."
        + name.substring(slash + 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
