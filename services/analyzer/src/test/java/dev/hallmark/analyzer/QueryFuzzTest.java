package dev.hallmark.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.testing.postgres.TestPostgres;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random {@code q} and {@code sort} strings built from the grammar's characters, field names
 * and SQL fragments run against real PostgreSQL: each answers a page or a {@link
 * BadQueryException}, never a database error (which would mean the compiled SQL was malformed or
 * the input reached it unbound).
 */
class QueryFuzzTest {
  static final String[] PIECES = {
    "name",
    "label:",
    "labels:type",
    "items",
    "ingested",
    "size",
    "sort",
    "format",
    "sha256",
    "=",
    "!=",
    "~",
    "!~",
    ">=",
    ">",
    "<=",
    "<",
    "&",
    "|",
    "\\",
    ":",
    ",",
    "asc",
    "desc",
    "null",
    "'",
    "\"",
    ";",
    "--",
    ")",
    "(",
    "%",
    "_",
    "2026-11-26",
    "1",
    "-1",
    " ",
    "openssl",
    "é",
    "'; DROP TABLE analyzer_document; --"
  };

  static HikariDataSource db;
  static Analyzer analyzer;

  @BeforeAll
  static void start() throws Exception {
    db = TestPostgres.fresh("analyzer");
    analyzer = SbomIngestTest.analyzer(db);
    analyzer.ingestSbom(
        Documents.bytes("sbom/laravel-bom.1.4.json"), null, null, Map.of("type", "php"));
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  static String random(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void answersAPageOrNamesTheProblem(long seed) throws Exception {
    Random r = new Random(seed);
    for (int i = 0; i < 25; i++) {
      String q = random(r);
      String sort = r.nextBoolean() ? "" : random(r);
      ListQuery query = new ListQuery(q, sort, r.nextInt(3), r.nextInt(3));
      for (DocumentKind kind : DocumentKind.values()) {
        try {
          Page<Document> page = analyzer.list(kind, query);
          assertThat(page.total()).isGreaterThanOrEqualTo(page.items().size());
        } catch (BadQueryException e) {
          assertThat(e.getMessage()).isNotBlank();
        }
      }
      try {
        analyzer.vulnerabilities(query);
      } catch (BadQueryException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
    assertThat(SbomIngestTest.count(db, "analyzer_document")).isEqualTo(1);
  }
}
