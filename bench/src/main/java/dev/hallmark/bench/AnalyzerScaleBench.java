package dev.hallmark.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.analyzer.FindingsWorker;
import dev.hallmark.analyzer.IngestResult;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomReader;
import dev.hallmark.core.sbom.SyntheticCorpus;
import dev.hallmark.server.database.Database;
import dev.hallmark.testkit.SharedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
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
        HikariDataSource ds = pool(pg.databaseUrl("scale"), pg.user(), threads + 4)) {
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
        new FindingsPhase(ds, analyzer).run();
      }
    }
    return 0;
  }

  /**
   * Findings at corpus scale: advisories about corpus packages are ingested, the findings queue
   * (every SBOM, every advisory key) drained by {@code threads} workers, then the read paths timed:
   * an SBOM's findings, the first page of SBOMs a vulnerability affects, {@code analyze} of 1,000
   * purls; finally one more advisory about a popular package, timed from its ingest until its
   * findings are visible with a background worker polling as the server's does.
   */
  private final class FindingsPhase {
    private final HikariDataSource ds;
    private final Analyzer analyzer;
    private final java.util.Random random = new java.util.Random(42);

    FindingsPhase(HikariDataSource ds, Analyzer analyzer) {
      this.ds = ds;
      this.analyzer = analyzer;
    }

    void run() throws Exception {
      int sbomCount = count(ds, "SELECT count(*) FROM analyzer_document WHERE kind = 'sbom'");
      System.out.printf("findings: corpus of %,d SBOMs%n", sbomCount);
      List<ScaleAdvisories.Target> targets = advisories();
      drain("initial correlation");
      int findings = count(ds, "SELECT count(*) FROM sbom_finding");
      int affectedSboms = count(ds, "SELECT count(DISTINCT sbom) FROM sbom_finding");
      System.out.printf("findings: %,d stored findings in %,d SBOMs%n", findings, affectedSboms);
      sbomFindings();
      vulnerabilityPages();
      analyze();
      incremental(targets);
    }

    private List<ScaleAdvisories.Target> advisories() throws Exception {
      List<ScaleAdvisories.Target> targets = ScaleAdvisories.targets(ds, popular, tail, 7);
      int stored =
          count(
              ds,
              "SELECT count(*) FROM analyzer_document WHERE kind = 'advisory' AND labels->>'corpus'"
                  + " = 'scale'");
      if (stored >= targets.size()) {
        System.out.printf("advisories: %,d stored already%n", stored);
        return targets;
      }
      long start = System.nanoTime();
      for (int i = 0; i < targets.size(); i++) {
        analyzer.ingestAdvisory(
            ScaleAdvisories.osv(i, targets.get(i), random), null, null, Map.of("corpus", "scale"));
      }
      System.out.printf(
          "advisories: %,d OSV records (%d about the most common packages) ingested in %.1f s%n",
          targets.size(), Math.min(popular, targets.size()), (System.nanoTime() - start) / 1e9);
      return targets;
    }

    /** Drains the queue with {@code threads} workers; prints items, SBOMs and time. */
    private void drain(String what) throws Exception {
      AtomicLong sboms = new AtomicLong();
      AtomicLong packagesDone = new AtomicLong();
      long depth = new FindingsWorker(analyzer, 256, null).status().depth();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Long>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(
              pool.submit(
                  () ->
                      new FindingsWorker(
                              analyzer,
                              256,
                              (sbom, n) -> {
                                sboms.incrementAndGet();
                                packagesDone.addAndGet(n);
                              })
                          .drain()));
        }
        long items = 0;
        for (Future<Long> f : futures) {
          items += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "%s: %,d queue items (%,d queued at start) with %d workers in %.1f s: %,d SBOM"
                + " recomputations (%,.0f/s), %,d packages%n",
            what,
            items,
            depth,
            threads,
            seconds,
            sboms.get(),
            sboms.get() / seconds,
            packagesDone.get());
      } finally {
        pool.shutdownNow();
      }
    }

    private List<String> randomSboms(int n) throws Exception {
      List<String> ids = new java.util.ArrayList<>();
      try (Connection c = ds.getConnection();
          java.sql.PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM analyzer_document WHERE kind = 'sbom' ORDER BY md5(id::text ||"
                      + " ?) LIMIT ?")) {
        ps.setString(1, "seed");
        ps.setInt(2, n);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add("urn:uuid:" + rs.getObject(1));
          }
        }
      }
      return ids;
    }

    private void sbomFindings() throws Exception {
      Timings lat = new Timings();
      long total = 0;
      for (String id : randomSboms(samples)) {
        long t = System.nanoTime();
        total +=
            analyzer
                .findings()
                .ofSbom(id, dev.hallmark.analyzer.ListQuery.all())
                .orElseThrow()
                .items()
                .size();
        lat.add(System.nanoTime() - t);
      }
      System.out.printf(
          "SBOM -> all its findings (%d SBOMs, %.1f findings each): %s%n",
          samples, total / (double) samples, lat.summary());
    }

    private void vulnerabilityPages() throws Exception {
      List<String> ids = new java.util.ArrayList<>();
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT vulnerability, count(DISTINCT sbom) FROM sbom_finding WHERE status ="
                      + " 'affected' GROUP BY vulnerability ORDER BY count(DISTINCT sbom) DESC")) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      // the most widespread first, then a spread over the rest
      List<String> picked = new java.util.ArrayList<>(ids.subList(0, Math.min(20, ids.size())));
      for (int i = 20;
          i < ids.size() && picked.size() < samples;
          i += Math.max(1, ids.size() / samples)) {
        picked.add(ids.get(i));
      }
      Timings lat = new Timings();
      long widest = 0;
      for (String id : picked) {
        long t = System.nanoTime();
        var report =
            analyzer
                .findings()
                .vulnerability(id, java.util.Set.of("affected"), 0, 25)
                .orElseThrow();
        lat.add(System.nanoTime() - t);
        widest = Math.max(widest, report.sboms().total());
      }
      System.out.printf(
          "CVE -> first page (25) of affected SBOMs (%d vulnerabilities, the widest in %,d"
              + " SBOMs): %s%n",
          picked.size(), widest, lat.summary());
    }

    private void analyze() throws Exception {
      List<String> purls = new java.util.ArrayList<>();
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT purl FROM analyzer_purl TABLESAMPLE BERNOULLI (1) REPEATABLE (3) LIMIT"
                      + " 20000")) {
        while (rs.next()) {
          purls.add(rs.getString(1));
        }
      }
      Timings lat = new Timings();
      long details = 0;
      for (int run = 0; run < 25; run++) {
        java.util.Collections.shuffle(purls, random);
        List<String> batch = purls.subList(0, 1000);
        long t = System.nanoTime();
        var result = analyzer.findings().analyze(batch);
        lat.add(System.nanoTime() - t);
        details += result.values().stream().mapToLong(a -> a.details().size()).sum();
      }
      System.out.printf(
          "analyze 1,000 purls (25 runs, %.1f findings per run): %s%n",
          details / 25.0, lat.summary());
    }

    private void incremental(List<ScaleAdvisories.Target> targets) throws Exception {
      ScaleAdvisories.Target target = targets.get(0);
      int n = 90_000 + (int) (System.currentTimeMillis() / 1000 % 9_000);
      try (FindingsWorker worker = new FindingsWorker(analyzer, 256, null)) {
        worker.start(java.time.Duration.ofMillis(250));
        long t = System.nanoTime();
        analyzer.ingestAdvisory(
            ScaleAdvisories.osv(n, target, random), null, null, Map.of("corpus", "scale-extra"));
        String cve = String.format("CVE-2099-%05d", n);
        long sboms = 0;
        while (true) {
          if (worker.status().depth() == 0) {
            var report = analyzer.findings().vulnerability(cve, java.util.Set.of(), 0, 1);
            if (report.isPresent()) {
              sboms = report.get().sboms().total();
              break;
            }
          }
          Thread.sleep(20);
        }
        System.out.printf(
            "incremental: a new advisory about %s -> findings in %,d SBOMs current %.2f s after"
                + " its ingest returned%n",
            target.purl(), sboms, (System.nanoTime() - t) / 1e9);
      }
    }
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
                    byte[] doc = spdx(i, packages);
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

  /** Latencies of one case, summarised as p50 / p95 / max. */
  private static final class Timings {
    private long[] nanos = new long[64];
    private int count;

    void add(long n) {
      if (count == nanos.length) {
        nanos = java.util.Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = n;
    }

    String summary() {
      Latencies l = new Latencies(nanos, count);
      return String.format(
          "p50 %.1f ms, p95 %.1f ms, max %.1f ms", l.millis(0.5), l.millis(0.95), l.millis(1.0));
    }
  }

  static int count(HikariDataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static byte[] spdx(long seed, int packages) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(packages * 700);
    new SyntheticCorpus(seed).writeSpdx(out, packages);
    return out.toByteArray();
  }

  private static HikariDataSource pool(String url, String user, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(size);
    // as the server's pool (Database): JDBC batches sent as multi-row INSERTs
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new HikariDataSource(config);
  }
}
