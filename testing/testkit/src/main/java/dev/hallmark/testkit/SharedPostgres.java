package dev.hallmark.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (zonky embedded binaries) started by this JVM and shared by the server
 * processes under test. Durable: {@code fsync} and {@code synchronous_commit} are on (zonky turns
 * them off by default, which would make crash tests meaningless).
 */
public final class SharedPostgres implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final AtomicInteger databases = new AtomicInteger();

  private SharedPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts a server with the durable defaults. */
  public static SharedPostgres start() throws IOException {
    return start(Map.of());
  }

  /**
   * Starts a server with extra {@code postgresql.conf} settings (for example {@code shared_buffers}
   * for a benchmark).
   *
   * @throws IllegalArgumentException if {@code settings} tries to turn off fsync or synchronous
   *     commit
   */
  public static SharedPostgres start(Map<String, String> settings) throws IOException {
    return start(settings, null);
  }

  /**
   * Starts a server whose data directory is {@code dataDir}, kept when it stops and used again by
   * the next start (for benchmarks whose corpus takes long to load); null for a fresh temporary
   * one.
   */
  public static SharedPostgres start(Map<String, String> settings, java.nio.file.Path dataDir)
      throws IOException {
    Map<String, String> config = new HashMap<>();
    config.put("max_connections", "300");
    config.putAll(settings);
    config.put("fsync", checkOn(config, "fsync"));
    config.put("synchronous_commit", checkOn(config, "synchronous_commit"));
    config.put("full_page_writes", checkOn(config, "full_page_writes"));
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
    if (dataDir != null) {
      java.nio.file.Files.createDirectories(dataDir);
      builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
    }
    config.forEach(builder::setServerConfig);
    return new SharedPostgres(builder.start());
  }

  private static String checkOn(Map<String, String> config, String key) {
    String value = config.getOrDefault(key, "on");
    if (!value.equals("on")) {
      throw new IllegalArgumentException(key + " must stay on; the tests rely on durability");
    }
    return value;
  }

  /**
   * Creates an empty database and returns its JDBC URL (the user is in the URL; there is no
   * password).
   */
  public String freshDatabaseUrl() throws SQLException {
    String name = "hallmark_" + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl(user(), name);
  }

  /** The JDBC URL of the database {@code name}, created first if it does not exist yet. */
  public String databaseUrl(String name) throws SQLException {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("database names here are lower-case identifiers");
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + name);
      }
    }
    return postgres.getJdbcUrl(user(), name);
  }

  /** The superuser every database belongs to. */
  public String user() {
    return "postgres";
  }

  /** The environment that points a Hallmark server at {@code jdbcUrl}. */
  public Map<String, String> serverEnv(String jdbcUrl) {
    return Map.of("HALLMARK_DATABASE_URL", jdbcUrl, "HALLMARK_DATABASE_USER", user());
  }

  /**
   * The postmaster process (its children are the backends), read from {@code postmaster.pid} in the
   * data directory; for measuring PostgreSQL's CPU use.
   */
  public ProcessHandle postmaster() throws SQLException, IOException {
    String dataDir;
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SHOW data_directory")) {
      rs.next();
      dataDir = rs.getString(1);
    }
    String first =
        java.nio.file.Files.readAllLines(java.nio.file.Path.of(dataDir, "postmaster.pid")).get(0);
    long pid = Long.parseLong(first.trim());
    return ProcessHandle.of(pid).orElseThrow(() -> new IOException("no process " + pid));
  }

  /** The server's port on localhost. */
  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
