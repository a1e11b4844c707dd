package dev.hallmark.analyzer;

import static dev.hallmark.analyzer.FindingsFixtures.AIOHTTP_384;
import static dev.hallmark.analyzer.FindingsFixtures.CC_125;
import static dev.hallmark.analyzer.FindingsFixtures.CC_126;
import static dev.hallmark.analyzer.FindingsFixtures.HYPER_01411;
import static dev.hallmark.analyzer.FindingsFixtures.allFindings;
import static dev.hallmark.analyzer.FindingsFixtures.count;
import static dev.hallmark.analyzer.FindingsFixtures.sbom;
import static dev.hallmark.analyzer.FindingsFixtures.vex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.advisory.AdvisoryFormat;
import dev.hallmark.testing.postgres.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental correlation through the work queue, on a real PostgreSQL, with real advisories:
 *
 * <ul>
 *   <li>CVE-2024-26308 (CVE 5, by Maven package org.apache.commons:commons-compress): affected from
 *       1.21 below 1.26.0, default unaffected — so commons-compress 1.25.0 is affected and 1.26.0
 *       is not affected.
 *   <li>GHSA-45c4-8wx5-qw6w (OSV, PyPI aiohttp, fixed 3.8.5, alias CVE-2023-37276): aiohttp 3.8.4
 *       is affected, reported as CVE-2023-37276.
 *   <li>RUSTSEC-2022-0022 (OSV, crates.io hyper, fixed 0.14.12, no CVE alias): hyper 0.14.11 is
 *       affected, reported under the RUSTSEC id.
 * </ul>
 */
class FindingsWorkerTest {
  HikariDataSource db;
  Analyzer analyzer;
  FindingsWorker worker;
  final Map<String, Integer> correlated = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    db = TestPostgres.fresh("analyzer");
    analyzer = FindingsFixtures.analyzer(db);
    worker =
        new FindingsWorker(analyzer, 100, (sbom, n) -> correlated.merge(sbom, 1, Integer::sum));
  }

  @AfterEach
  void stop() {
    worker.close();
    db.close();
  }

  private String ingestSbom(String name, String... purls) throws Exception {
    return analyzer.ingestSbom(sbom(name, purls), null, name, Map.of()).id();
  }

  private String ingestAdvisory(String file) throws Exception {
    return analyzer.ingestAdvisory(Documents.bytes("findings/" + file), null, null, Map.of()).id();
  }

  private String ingestVex(String id, int version, String revised, String status) throws Exception {
    return analyzer
        .ingestAdvisory(
            vex(id, version, revised, status, CC_125, "CVE-2024-26308"),
            AdvisoryFormat.CSAF,
            null,
            Map.of())
        .id();
  }

  @Test
  void anAdvisoryAfterTheSbomAddsItsFindings() throws Exception {
    String java = ingestSbom("java", CC_125, CC_126, AIOHTTP_384);
    worker.drain();
    assertThat(allFindings(db)).isEmpty();
    assertThat(worker.status().depth()).isZero();

    ingestAdvisory("CVE-2024-26308.json");
    assertThat(worker.status().depth()).isPositive();
    worker.drain();
    assertThat(allFindings(db))
        .containsExactly(
            Map.entry("java commons-compress@1.25.0 CVE-2024-26308", "affected"),
            Map.entry("java commons-compress@1.26.0 CVE-2024-26308", "not_affected"));
    SbomFinding f =
        analyzer
            .findings()
            .ofSbom(java, new ListQuery("status=affected", "", 0, 0))
            .orElseThrow()
            .items()
            .get(0);
    assertThat(f.purl()).isEqualTo(CC_125);
    assertThat(f.evidence().matchedBy()).isEqualTo("purl");
    assertThat(f.evidence().identifier())
        .isEqualTo("pkg:maven/org.apache.commons/commons-compress");
    assertThat(f.evidence().range()).contains("< 1.26.0");
    assertThat(f.advisory())
        .isEqualTo(analyzer.list(DocumentKind.ADVISORY, ListQuery.all()).items().get(0).id());
    assertThat(worker.status().depth()).isZero();
  }

  @Test
  void anSbomAfterTheAdvisoryGetsItsFindings() throws Exception {
    ingestAdvisory("GHSA-45c4-8wx5-qw6w.json");
    ingestAdvisory("RUSTSEC-2022-0022.json");
    worker.drain();
    ingestSbom("mixed", AIOHTTP_384, HYPER_01411, "pkg:pypi/aiohttp@3.8.5");
    worker.drain();
    // aiohttp 3.8.5 is the fix: no statement applies, so no finding
    assertThat(allFindings(db))
        .containsExactly(
            Map.entry("mixed aiohttp@3.8.4 CVE-2023-37276", "affected"),
            Map.entry("mixed hyper@0.14.11 RUSTSEC-2022-0022", "affected"));
  }

  @Test
  void aVexNotAffectedAddedLaterOverridesAndANewerVersionSupersedesIt() throws Exception {
    String java = ingestSbom("java", CC_125);
    String cve = ingestAdvisory("CVE-2024-26308.json");
    worker.drain();
    assertThat(allFindings(db)).containsValue("affected");

    // the supplier's VEX says the vulnerable code is not present: it wins by default precedence
    String v1 = ingestVex("EXAMPLE-VEX-CC", 1, "2024-03-01T00:00:00Z", "known_not_affected");
    worker.drain();
    SbomFinding f = only(java);
    assertThat(f.status()).isEqualTo("not_affected");
    assertThat(f.justification()).isEqualTo("vulnerable_code_not_present");
    assertThat(f.advisory()).isEqualTo(v1);
    assertThat(f.overridden()).extracting(e -> e.advisory()).containsExactly("CVE-2024-26308");
    // the only numeric score is the VEX's CVSS 3.1 5.5
    assertThat(f.severity()).isEqualTo("medium");
    assertThat(f.score()).isEqualTo(5.5);
    VulnerabilityReport report =
        analyzer.findings().vulnerability("CVE-2024-26308", Set.of(), 0, 10).orElseThrow();
    assertThat(report.severity()).isEqualTo("medium");
    assertThat(report.advisories()).hasSize(2);
    assertThat(report.sboms().items())
        .extracting(VulnerabilityReport.AffectedSbom::id)
        .containsExactly(java);

    // version 2 of the same VEX (later current_release_date) withdraws it: affected again
    String v2 = ingestVex("EXAMPLE-VEX-CC", 2, "2024-04-01T00:00:00Z", "known_affected");
    worker.drain();
    assertThat(only(java).status()).isEqualTo("affected");

    // an older revision ingested later does not supersede the newer one
    ingestVex("EXAMPLE-VEX-CC", 1, "2024-02-01T00:00:00Z", "known_not_affected");
    worker.drain();
    assertThat(only(java).status()).isEqualTo("affected");
    assertThat(analyzer.get(v1)).isPresent();

    // deleting version 2 makes version 1 (the newest left) current again
    assertThat(analyzer.delete(v2)).isTrue();
    worker.drain();
    assertThat(only(java).status()).isEqualTo("not_affected");
    assertThat(only(java).advisory()).isEqualTo(v1);

    // deleting every advisory about it removes the finding
    analyzer.delete(cve);
    for (Document d : analyzer.list(DocumentKind.ADVISORY, ListQuery.all()).items()) {
      analyzer.delete(d.id());
    }
    worker.drain();
    assertThat(allFindings(db)).isEmpty();
  }

  private SbomFinding only(String sbom) throws Exception {
    List<SbomFinding> items =
        analyzer.findings().ofSbom(sbom, ListQuery.all()).orElseThrow().items();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  @Test
  void deletingAnSbomDeletesItsFindings() throws Exception {
    ingestAdvisory("CVE-2024-26308.json");
    String a = ingestSbom("a", CC_125);
    String b = ingestSbom("b", CC_125);
    worker.drain();
    assertThat(allFindings(db)).hasSize(2);
    analyzer.delete(a);
    assertThat(allFindings(db)).containsOnlyKeys("b commons-compress@1.25.0 CVE-2024-26308");
    assertThat(analyzer.findings().ofSbom(a, ListQuery.all())).isEmpty();
    assertThat(analyzer.findings().ofSbom(b, ListQuery.all()).orElseThrow().total()).isEqualTo(1);
  }

  @Test
  void anAdvisoryReCorrelatesOnlyTheSbomsSharingAnIdentifier() throws Exception {
    String java = ingestSbom("java", CC_125, "pkg:maven/org.example/other@1.0");
    String python = ingestSbom("python", AIOHTTP_384);
    String rust = ingestSbom("rust", HYPER_01411);
    worker.drain();
    assertThat(correlated).containsOnlyKeys(java, python, rust);
    correlated.clear();

    ingestAdvisory("CVE-2024-26308.json");
    worker.drain();
    // only java has commons-compress; and of java only that one package was recomputed
    assertThat(correlated).containsOnlyKeys(java);
    assertThat(allFindings(db)).containsOnlyKeys("java commons-compress@1.25.0 CVE-2024-26308");

    List<Integer> packages = Collections.synchronizedList(new ArrayList<>());
    FindingsWorker counting = new FindingsWorker(analyzer, 100, (s, n) -> packages.add(n));
    ingestAdvisory("GHSA-45c4-8wx5-qw6w.json");
    counting.drain();
    assertThat(packages).containsExactly(1); // python's one aiohttp package, nothing else
  }

  @Test
  void aFailureMidWorkLeavesTheItemsQueuedAndWritesNothing() throws Exception {
    ingestAdvisory("CVE-2024-26308.json");
    worker.drain();
    ingestSbom("java", CC_125);
    long queued = worker.status().depth();
    assertThat(queued).isEqualTo(1);
    FindingsWorker failing =
        new FindingsWorker(
            analyzer,
            100,
            (s, n) -> {
              throw new SQLException("injected failure after the findings were written");
            });
    assertThatThrownBy(failing::runOnce)
        .isInstanceOf(AnalyzerException.class)
        .hasMessageContaining("injected failure");
    assertThat(worker.status().depth()).isEqualTo(queued);
    assertThat(count(db, "SELECT count(*) FROM sbom_finding")).isZero();
    worker.drain();
    assertThat(allFindings(db)).hasSize(1);
  }

  /**
   * Two workers (each in its own thread, small batches) consume the queue while SBOMs and
   * advisories are ingested from two more threads; at the end every SBOM has exactly the findings a
   * from-scratch correlation gives, and no worker failed (no duplicate keys, no deadlocks).
   */
  @Test
  void twoConcurrentWorkersStayCorrect() throws Exception {
    int sboms = 24;
    AtomicBoolean ingesting = new AtomicBoolean(true);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      FindingsWorker mine = new FindingsWorker(analyzer, 3, null);
      threads.add(
          new Thread(
              () -> {
                try {
                  while (ingesting.get() || mine.status().depth() > 0) {
                    if (mine.runOnce() == 0) {
                      Thread.sleep(5);
                    }
                  }
                } catch (Throwable t) {
                  failures.add(t);
                }
              }));
    }
    Thread sbomWriter =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < sboms; i++) {
                  ingestSbom(
                      "s" + i, CC_125, AIOHTTP_384, HYPER_01411, "pkg:npm/left-pad@1.0." + i);
                }
              } catch (Throwable t) {
                failures.add(t);
              }
            });
    Thread advisoryWriter =
        new Thread(
            () -> {
              try {
                for (String f :
                    List.of(
                        "CVE-2024-26308.json",
                        "GHSA-45c4-8wx5-qw6w.json",
                        "RUSTSEC-2022-0022.json")) {
                  Thread.sleep(20);
                  ingestAdvisory(f);
                }
                Thread.sleep(20);
                ingestVex("EXAMPLE-VEX-CC", 1, "2024-03-01T00:00:00Z", "known_not_affected");
              } catch (Throwable t) {
                failures.add(t);
              }
            });
    threads.forEach(Thread::start);
    sbomWriter.start();
    advisoryWriter.start();
    sbomWriter.join();
    advisoryWriter.join();
    ingesting.set(false);
    for (Thread t : threads) {
      t.join(60_000);
    }
    assertThat(failures).isEmpty();
    assertThat(worker.status().depth()).isZero();
    Map<String, String> all = allFindings(db);
    assertThat(all).hasSize(3 * sboms);
    for (int i = 0; i < sboms; i++) {
      assertThat(all)
          .containsEntry("s" + i + " commons-compress@1.25.0 CVE-2024-26308", "not_affected")
          .containsEntry("s" + i + " aiohttp@3.8.4 CVE-2023-37276", "affected")
          .containsEntry("s" + i + " hyper@0.14.11 RUSTSEC-2022-0022", "affected");
    }
  }
}
