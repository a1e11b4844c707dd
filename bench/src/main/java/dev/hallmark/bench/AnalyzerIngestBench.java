package dev.hallmark.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.analyzer.IngestResult;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomReader;
import dev.hallmark.core.sbom.SyntheticCorpus;
import dev.hallmark.server.database.Database;
import dev.hallmark.testkit.SharedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Analyzer ingestion figures on a durable embedded PostgreSQL (fsync and synchronous_commit on):
 * single-document ingest time of synthetic SPDX 2.3 and CycloneDX 1.6 documents (realistic purl
 * mix, {@code SyntheticCorpus}), median of several runs after a warm-up, and a bulk rate of many
 * 1,000-package SBOMs uploaded by a few concurrent clients.
 */
@Command(
    name = "analyzer-ingest-bench",
    mixinStandardHelpOptions = true,
    description = "Measure analyzer ingestion.")
public final class AnalyzerIngestBench implements Callable<Integer> {
  @Option(names = "--packages", description = "Packages per single document (default 3000).")
  int packages = 3000;

  @Option(names = "--runs", description = "Measured runs per single-document case (default 5).")
  int runs = 5;

  @Option(names = "--bulk", description = "Documents of the bulk case (default 200).")
  int bulk = 200;

  @Option(names = "--bulk-packages", description = "Packages per bulk document (default 1000).")
  int bulkPackages = 1000;

  @Option(names = "--threads", description = "Concurrent uploads in the bulk case (default 4).")
  int threads = 4;

  @Option(
      names = "--large-packages",
      description =
          "Also ingest one SPDX document of this many packages (0: skip; 400000 is"
              + " about 250 MB).")
  int largePackages;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AnalyzerIngestBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    try (SharedPostgres pg = SharedPostgres.start();
        HikariDataSource ds = pool(pg.freshDatabaseUrl(), pg.user(), threads + 2)) {
      Database.migrate(ds);
      Analyzer analyzer =
          new Analyzer(
              ds,
              new SbomReader(SbomLimits.defaults()),
              AdvisoryReader.withDefaultLimits(),
              Clock.systemUTC(),
              new SecureRandom());
      long seed = 1000;
      for (int i = 0; i < 3; i++) {
        analyzer.ingestSbom(spdx(seed++, packages), null, "warm-up", Map.of());
      }
      single(analyzer, "SPDX 2.3 JSON", true, seed);
      single(analyzer, "CycloneDX 1.6 JSON", false, seed + 100);
      if (bulk > 0) {
        bulk(analyzer, seed + 200);
      }
      if (largePackages > 0) {
        large(analyzer, seed + 300);
      }
    }
    return 0;
  }

  private void single(Analyzer analyzer, String label, boolean spdx, long seed) throws Exception {
    List<Long> millis = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < runs; i++) {
      byte[] doc = spdx ? spdx(seed + i, packages) : cyclonedx(seed + i, packages);
      bytes = doc.length;
      long start = System.nanoTime();
      IngestResult r = analyzer.ingestSbom(doc, null, label, Map.of());
      millis.add((System.nanoTime() - start) / 1_000_000);
      if (r.duplicate()) {
        throw new IllegalStateException("synthetic documents must differ");
      }
    }
    Collections.sort(millis);
    System.out.printf(
        "%-20s %,7d packages %,11d bytes: median %,6d ms (min %,d, max %,d, %d runs)%n",
        label,
        packages,
        bytes,
        millis.get(millis.size() / 2),
        millis.get(0),
        millis.get(millis.size() - 1),
        runs);
  }

  private void bulk(Analyzer analyzer, long seed) throws Exception {
    List<byte[]> docs = new ArrayList<>();
    for (int i = 0; i < bulk; i++) {
      docs.add(spdx(seed + i, bulkPackages));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<Callable<IngestResult>> tasks = new ArrayList<>();
      for (byte[] d : docs) {
        tasks.add(() -> analyzer.ingestSbom(d, null, "bulk", Map.of()));
      }
      long start = System.nanoTime();
      for (var f : pool.invokeAll(tasks)) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "bulk: %,d SBOMs of %,d packages with %d threads in %.1f s: %.1f SBOMs/s, %,.0f packages/s%n",
          bulk,
          bulkPackages,
          threads,
          seconds,
          bulk / seconds,
          bulk * (double) bulkPackages / seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  private void large(Analyzer analyzer, long seed) throws Exception {
    // generated into a file first: a growing in-memory buffer would need twice the size
    java.nio.file.Path file = java.nio.file.Files.createTempFile("analyzer-bench", ".spdx.json");
    byte[] doc;
    try {
      try (java.io.OutputStream out =
          new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 20)) {
        new SyntheticCorpus(seed).writeSpdx(out, largePackages);
      }
      doc = java.nio.file.Files.readAllBytes(file);
    } finally {
      java.nio.file.Files.delete(file);
    }
    long start = System.nanoTime();
    analyzer.ingestSbom(doc, null, "large", Map.of());
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "large: SPDX 2.3 JSON %,d packages %,d bytes in %,d ms (max heap %,d MiB)%n",
        largePackages, doc.length, millis, Runtime.getRuntime().maxMemory() >> 20);
  }

  /** A pool over {@code url} set up as the server's is (JDBC batches as multi-row INSERTs). */
  static HikariDataSource pool(String url, String user, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(size);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new HikariDataSource(config);
  }

  /** The synthetic SPDX 2.3 document of {@code seed} with {@code packages} packages. */
  static byte[] spdx(long seed, int packages) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SyntheticCorpus(seed).writeSpdx(out, packages);
    return out.toByteArray();
  }

  private static byte[] cyclonedx(long seed, int packages) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SyntheticCorpus(seed).writeCycloneDx(out, packages);
    return out.toByteArray();
  }
}
