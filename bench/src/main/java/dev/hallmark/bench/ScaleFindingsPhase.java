package dev.hallmark.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.analyzer.FindingsWorker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Findings at corpus scale: advisories about corpus packages are ingested, the findings queue
 * (every SBOM, every advisory key) drained by {@code threads} workers, then the read paths timed:
 * an SBOM's findings, the first page of SBOMs a vulnerability affects, {@code analyze} of 1,000
 * purls; finally one more advisory about a popular package, timed from its ingest until its
 * findings are visible with a background worker polling as the server's does.
 */
final class ScaleFindingsPhase {
  private final HikariDataSource ds;
  private final Analyzer analyzer;
  private final java.util.Random random = new java.util.Random(42);

  private final int threads;
  private final int popular;
  private final int tail;
  private final int samples;

  ScaleFindingsPhase(
      HikariDataSource ds, Analyzer analyzer, int threads, int popular, int tail, int samples) {
    this.ds = ds;
    this.analyzer = analyzer;
    this.threads = threads;
    this.popular = popular;
    this.tail = tail;
    this.samples = samples;
  }

  void run() throws Exception {
    int sbomCount =
        AnalyzerScaleBench.count(ds, "SELECT count(*) FROM analyzer_document WHERE kind = 'sbom'");
    System.out.printf("findings: corpus of %,d SBOMs%n", sbomCount);
    List<ScaleAdvisories.Target> targets = advisories();
    drain("initial correlation");
    int findings = AnalyzerScaleBench.count(ds, "SELECT count(*) FROM sbom_finding");
    int affectedSboms =
        AnalyzerScaleBench.count(ds, "SELECT count(DISTINCT sbom) FROM sbom_finding");
    System.out.printf("findings: %,d stored findings in %,d SBOMs%n", findings, affectedSboms);
    sbomFindings();
    vulnerabilityPages();
    analyze();
    incremental(targets);
  }

  private List<ScaleAdvisories.Target> advisories() throws Exception {
    List<ScaleAdvisories.Target> targets = ScaleAdvisories.targets(ds, popular, tail, 7);
    int stored =
        AnalyzerScaleBench.count(
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
          analyzer.findings().vulnerability(id, java.util.Set.of("affected"), 0, 25).orElseThrow();
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
}
