package dev.hallmark.testing.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for service tests (embedded binaries, durable settings), started once per test
 * JVM; each {@link #fresh} call gives a new database migrated with the given services' schemas.
 */
public final class TestPostgres {
  private static EmbeddedPostgres server;
  private static final AtomicInteger counter = new AtomicInteger();

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /**
   * A new empty database with the schemas of {@code services} (migrations under {@code
   * classpath:db/<service>}, history table {@code flyway_history_<service>}); the caller closes the
   * pool.
   */
  public static HikariDataSource fresh(String... services) {
    String name = "test_" + counter.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server().getJdbcUrl("postgres", name));
    config.setMaximumPoolSize(8);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource ds = new HikariDataSource(config);
    for (String service : services) {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/" + service)
          .table("flyway_history_" + service)
          .load()
          .migrate();
    }
    return ds;
  }
}
