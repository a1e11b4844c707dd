package dev.hallmark.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.testing.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shared set-up: a fresh database, settings, importers over a recording sink. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private Fixtures() {}

  static HikariDataSource database() {
    return TestPostgres.fresh("importer");
  }

  static ImporterSettings settings(String holder, Path workDir, List<Path> roots) {
    return new ImporterSettings(
        holder,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        roots,
        workDir,
        20,
        Duration.ofMillis(10));
  }

  static Importers importers(
      HikariDataSource db, DocumentSink sink, MutableClock clock, ImporterSettings settings) {
    return new Importers(db, sink, HttpClient.newHttpClient(), clock, settings);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
