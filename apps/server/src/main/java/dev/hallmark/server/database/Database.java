package dev.hallmark.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: an external PostgreSQL when a JDBC URL is configured, otherwise an embedded
 * PostgreSQL whose data lives under the data directory. Runs every service's migrations (each
 * service has its own Flyway history table) before anything else touches it.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** Migration locations, one per service: {@code classpath:db/<service>}. */
  private static final List<String> SERVICES = List.of("tlog", "trust", "analyzer", "importer");

  private final EmbeddedPostgres embedded;
  private final HikariDataSource pool;

  private Database(EmbeddedPostgres embedded, HikariDataSource pool) {
    this.embedded = embedded;
    this.pool = pool;
  }

  /**
   * Connects (starting the embedded server if {@code jdbcUrl} is empty) and migrates.
   *
   * @param dataDir where the embedded server keeps its files ({@code <dataDir>/postgres})
   */
  public static Database open(
      String jdbcUrl, String user, String password, int poolSize, Path dataDir, int embeddedPort)
      throws IOException {
    EmbeddedPostgres embedded = null;
    String url = jdbcUrl;
    if (url == null || url.isEmpty()) {
      embedded = startEmbedded(dataDir.resolve("postgres"), embeddedPort);
      url = embedded.getJdbcUrl("postgres", "postgres");
      user = "postgres";
      password = "";
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null && !user.isEmpty()) {
      config.setUsername(user);
    }
    if (password != null && !password.isEmpty()) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("hallmark");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "hallmark");
    config.setInitializationFailTimeout(30_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw new IOException("cannot connect to PostgreSQL at " + url + ": " + e.getMessage(), e);
    }
    migrate(pool);
    return new Database(embedded, pool);
  }

  /** Runs each service's migrations (idempotent; safe with several processes starting). */
  public static void migrate(DataSource dataSource) {
    for (String service : SERVICES) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/" + service)
          .table("flyway_history_" + service)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    }
  }

  private static EmbeddedPostgres startEmbedded(Path dir, int port) throws IOException {
    Files.createDirectories(dir);
    stopStaleServer(dir);
    log.info("starting embedded PostgreSQL in {}", dir);
    return EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(port)
        // zonky's defaults trade durability for speed; Hallmark never acknowledges an entry
        // that a crash could take back.
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("fsync", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("max_connections", "200")
        .setRegisterShutdownHook(false)
        .start();
  }

  /**
   * A killed Hallmark leaves its embedded PostgreSQL running on the data directory; stop it so that
   * this start can take over the directory.
   */
  private static void stopStaleServer(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isPresent()
        && process.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
      log.warn("stopping embedded PostgreSQL (pid {}) left behind by an earlier run", pid);
      process.get().destroy(); // SIGTERM: smart shutdown
      try {
        process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        process.get().destroyForcibly();
      }
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  /** True if a connection can be had and answers. */
  public boolean reachable() {
    try (var c = pool.getConnection()) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
