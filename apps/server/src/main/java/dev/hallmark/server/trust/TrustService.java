package dev.hallmark.server.trust;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.core.tuf.Expiries;
import dev.hallmark.core.tuf.Role;
import dev.hallmark.core.tuf.RoleSetup;
import dev.hallmark.core.tuf.TufSigner;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.http.OpenApi;
import dev.hallmark.server.keys.NoteKeyFiles;
import dev.hallmark.trust.SqlTufStore;
import dev.hallmark.trust.TrustException;
import dev.hallmark.trust.TrustRepository;
import dev.hallmark.trust.TrustStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust service: the TUF repository publishing this server's {@code trusted_root.json} and
 * {@code signing_config.v0.2.json} on its own port. On first start it creates the repository with a
 * fresh root key and one online key (targets, snapshot, timestamp) under {@code trust.keys.dir}; on
 * every start it re-publishes the targets if a service key changed; a background task re-signs what
 * would expire within {@code trust.refresh.margin.hours}. Root version 1, the seed clients need, is
 * written to {@code data.dir/tuf-root.json}. Administration (rotation, offline drafts, status) is
 * on {@code /admin/*} with the bearer token in {@code <keys dir>/../admin-token}.
 */
public final class TrustService {
  private static final Logger log = LoggerFactory.getLogger(TrustService.class);

  /** The seed root clients bootstrap from. */
  public static final String SEED_FILE = "tuf-root.json";

  /** A started trust service: the repository's base URL. */
  public record Started(String url, TrustAdmin admin) {}

  private TrustService() {}

  public static Started start(Wiring w, Map<String, byte[]> targets)
      throws IOException, ConfigException {
    Path keysDir =
        w.config()
            .optional(ConfigKeys.TRUST_KEYS_DIR)
            .map(Path::of)
            .orElse(w.dataDir().resolve("tuf").resolve("keys"));
    TufKeyFiles keys = new TufKeyFiles(keysDir, w.random());
    Duration margin =
        Duration.ofHours(w.config().intValue(ConfigKeys.TRUST_REFRESH_MARGIN_HOURS, 1, 24 * 300));
    TrustAdmin admin =
        new TrustAdmin(
            new SqlTufStore(w.database().dataSource()), keys, w.clock(), Expiries.DEFAULT, margin);
    try {
      TrustRepository repo = admin.repository();
      try {
        if (repo.status().isEmpty()) {
          TufSigner root = keys.generate();
          TufSigner online = keys.generate();
          // if another process created it meanwhile, this publishes to the existing one
          new TrustRepository(admin.store(), List.of(root, online), w.clock(), Expiries.DEFAULT)
              .publish(roles(root, online), targets);
          log.info(
              "created the TUF repository (root key {}, online key {})",
              root.keyId(),
              online.keyId());
        }
        TrustRepository.Status status = admin.repository().publish(Map.of(), targets);
        log.info(
            "TUF repository: root v{}, targets v{}, timestamp v{} (expires {})",
            status.rootVersion(),
            status.targetsVersion(),
            status.timestampVersion(),
            status.timestampExpires());
        admin.repository().refresh(margin);
      } catch (TrustException e) {
        // A replica without the repository's online keys (another process created it) serves
        // what is published and leaves publishing to the process that holds them.
        log.warn(
            "this process cannot publish to the TUF repository ({}); it serves the published"
                + " files only. Give every process the same {} to let any of them publish.",
            e.getMessage(),
            ConfigKeys.TRUST_KEYS_DIR);
      }
      NoteKeyFiles.writePublic(
          w.dataDir().resolve(SEED_FILE),
          new String(admin.repository().file("1.root.json").orElseThrow(), StandardCharsets.UTF_8));
    } catch (TrustStoreException e) {
      throw new ConfigException("the TUF repository cannot start: " + e.getMessage());
    }
    Path token = keysDir.resolveSibling("admin-token");
    if (!Files.exists(token)) {
      byte[] secret = new byte[32];
      w.random().nextBytes(secret);
      NoteKeyFiles.writeSecret(token, HexFormat.of().formatHex(secret) + "\n");
    }
    String adminToken = Files.readString(token, StandardCharsets.US_ASCII).strip();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tuf-refresh");
              t.setDaemon(true);
              return t;
            });
    long every = w.config().intValue(ConfigKeys.TRUST_REFRESH_INTERVAL_SECONDS, 1, 86_400);
    scheduler.scheduleWithFixedDelay(admin::refreshQuietly, every, every, TimeUnit.SECONDS);
    Wiring.Endpoint at = w.endpoint(ConfigKeys.TRUST_PORT, ConfigKeys.TRUST_URL);
    VirtualHostBuilder host = w.port(at.port(), () -> true, () -> true);
    OpenApi.mount(host, "trust.json");
    new TrustHttp(admin, adminToken, w.mapper(), w.metrics()).mount(host);
    return new Started(at.url(), admin);
  }

  /** One root key; one online key for targets, snapshot and timestamp; threshold 1 each. */
  static Map<Role, RoleSetup> roles(TufSigner root, TufSigner online) {
    Map<Role, RoleSetup> roles = new EnumMap<>(Role.class);
    roles.put(Role.ROOT, RoleSetup.single(root.key()));
    roles.put(Role.TARGETS, RoleSetup.single(online.key()));
    roles.put(Role.SNAPSHOT, RoleSetup.single(online.key()));
    roles.put(Role.TIMESTAMP, RoleSetup.single(online.key()));
    return roles;
  }
}
