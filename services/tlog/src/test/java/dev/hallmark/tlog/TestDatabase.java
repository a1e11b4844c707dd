package dev.hallmark.tlog;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.testing.postgres.TestPostgres;

/** A fresh database with the tlog schema on the shared test PostgreSQL. */
final class TestDatabase {
  private TestDatabase() {}

  static HikariDataSource fresh() {
    return TestPostgres.fresh("tlog");
  }
}
