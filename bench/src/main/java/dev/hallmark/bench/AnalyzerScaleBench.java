package dev.hallmark.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.analyzer.IngestResult;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomReader;
import dev.hallmark.server.database.Database;
import dev.hallmark.testkit.SharedPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The analyzer at corpus scale: 10,000 synthetic SBOMs of about 1,000 packages each (the realistic
 * purl mix of {@code SyntheticCorpus}, one seed per SBOM) ingested into a durable embedded
 * PostgreSQL whose data directory is kept, so later phases (and later runs) measure against the
 * loaded corpus without loading it again. The ingest phase is resumable: SBOM i is generated from
 * seed {@code i}, and the ones already stored are skipped.
 */
@Command(
    name = "analyzer-scale-bench",
    mixinStandardHelpOptions = true,
    description = "Load and measure the analyzer at 10,000-SBOM scale.")
public final class AnalyzerScaleBench implements Callable<Integer> {
  @Option(names = "--data-dir", description = "PostgreSQL data directory, kept between runs.")
  Path dataDir = Path.of("bench/target/analyzer-scale-pg");

  @Option(names = "--sboms", description = "SBOMs in the corpus (default 10000).")
  int sboms = 10_000;

  @Option(names = "--packages", description = "Packages per SBOM (default 1000).")
  int packages = 1000;

  @Option(names = "--threads", description = "Concurrent uploads and findings workers (default 2).")
  int threads = 2;

  @Option(names = "--popular", description = "Advisories about the most common packages (200).")
  int popular = 200;

  @Option(names = "--tail", description = "Advisories about random packages (default 1800).")
  int tail = 1800;

  @Option(names = "--samples", description = "Queries measured per case (default 200).")
  int samples = 200;

  @Option(
      names = "--phase",
      description = "ingest, findings or all (default all): what to run against the corpus.")
  String phase = "all";

  public static void main(String[] args) {
    System.exit(new CommandLine(new AnalyzerScaleBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    try (SharedPostgres pg =
            SharedPostgres.start(
                Map.of(
                    "shared_buffers", "1GB", "max_wal_size", "8GB", "checkpoint_timeout", "30min"),
                dataDir.toAbsolutePath());
        HikariDataSource ds =
            AnalyzerIngestBench.pool(pg.databaseUrl("scale"), pg.user(), threads + 4)) {
      Database.migrate(ds);
      Analyzer analyzer =
          new Analyzer(
              ds,
              new SbomReader(SbomLimits.defaults()),
              AdvisoryReader.withDefaultLimits(),
              Clock.systemUTC(),
              new SecureRandom());
      if (!phase.equals("findings")) {
        ingest(ds, analyzer);
      }
      if (!phase.equals("ingest")) {
        new ScaleFindingsPhase(ds, analyzer, threads, popular, tail, samples).run();
      }
    }
    return 0;
  }

  /** Ingests SBOMs 0..sboms-1 that are not stored yet; reports the rate of this run. */
  private void ingest(HikariDataSource ds, Analyzer analyzer) throws Exception {
    int stored = count(ds, "SELECT count(*) FROM analyzer_document WHERE kind = 'sbom'");
    if (stored >= sboms) {
      System.out.printf("ingest: the corpus holds %,d SBOMs already%n", stored);
      return;
    }
    System.out.printf("ingest: %,d SBOMs stored, loading up to %,d%n", stored, sboms);
    // an interrupted run may have left a gap among the last few in flight: redo those (the
    // stored ones answer as duplicates)
    AtomicInteger next = new AtomicInteger(Math.max(0, stored - 4 * threads));
    AtomicInteger done = new AtomicInteger();
    AtomicLong packagesDone = new AtomicLong();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] workers = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        workers[t] =
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < sboms; i = next.getAndIncrement()) {
                    byte[] doc = AnalyzerIngestBench.spdx(i, packages);
                    IngestResult r =
                        analyzer.ingestSbom(doc, null, "scale-" + i, Map.of("corpus", "scale"));
                    if (!r.duplicate()) {
                      packagesDone.addAndGet(packages);
                    }
                    int n = done.incrementAndGet();
                    if (n % 500 == 0) {
                      double s = (System.nanoTime() - start) / 1e9;
                      System.out.printf(
                          "  %,d SBOMs in %.0f s: %.1f SBOMs/s%n", stored + n, s, n / s);
                    }
                  }
                  return null;
                });
      }
      for (Future<?> f : workers) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "ingest: %,d SBOMs of %,d packages with %d threads in %.1f s: %.1f SBOMs/s, %,.0f"
            + " packages/s%n",
        done.get(), packages, threads, seconds, done.get() / seconds, packagesDone.get() / seconds);
  }

  static int count(HikariDataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
