package dev.hallmark.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSAF provider on a loopback server: provider-metadata.json, a directory with changes.csv and
 * .sha256/.sha512 files. Bad documents are reported and the walk goes on; reruns fetch only what
 * changed or failed; an interrupted run resumes without redoing what was done.
 */
class CsafImportTest {
  @TempDir Path work;
  HikariDataSource db;
  FixtureServer provider;
  RecordingSink sink;
  MutableClock clock;
  Importers importers;

  static final String[] GOOD = {"bsi-2022-0001.json", "rhsa-2021_5186.json", "rhsa-2022_0011.json"};

  @BeforeEach
  void start() throws Exception {
    db = Fixtures.database();
    provider = new FixtureServer();
    sink = new RecordingSink();
    clock = new MutableClock(Fixtures.START);
    importers = Fixtures.importers(db, sink, clock, Fixtures.settings("p1", work, List.of()));
    provider.put(
        "/.well-known/csaf/provider-metadata.json",
        Fixtures.json(
                "{'canonical_url': '"
                    + provider.base()
                    + "/.well-known/csaf/provider-metadata.json', 'metadata_version': '2.0',"
                    + " 'role': 'csaf_provider', 'distributions': [{'directory_url': '"
                    + provider.base()
                    + "/csaf/white/'}]}")
            .toString());
    // three good documents (two with .sha256, one with .sha512), one whose .sha256 is wrong,
    // one missing (404), one that is not JSON
    publish(
        "2022/bsi-2022-0001.json", FixtureServer.resource("csaf/bsi-2022-0001.json"), "SHA-256");
    publish(
        "2021/rhsa-2021_5186.json", FixtureServer.resource("csaf/rhsa-2021_5186.json"), "SHA-256");
    publish(
        "2022/rhsa-2022_0011.json", FixtureServer.resource("csaf/rhsa-2022_0011.json"), "SHA-512");
    publish("2021/rhsa-2021_5217.json", FixtureServer.resource("csaf/rhsa-2021_5217.json"), null);
    provider.put("/csaf/white/2021/rhsa-2021_5217.json.sha256", "00ff  rhsa-2021_5217.json\n");
    provider.put("/csaf/white/2020/broken.json", "{\"document\": ");
    changes(
        "2022/bsi-2022-0001.json,2022-03-01T10:00:00Z",
        "2022/rhsa-2022_0011.json,2022-01-05T10:00:00Z",
        "2021/rhsa-2021_5217.json,2021-12-20T10:00:00Z",
        "2021/rhsa-2021_5186.json,2021-12-15T10:00:00Z",
        "2021/missing.json,2021-06-01T10:00:00Z",
        "2020/broken.json,2020-01-01T10:00:00Z");
    importers.create(
        "provider",
        Fixtures.json(
            "{'csaf': {'source': '"
                + provider.base()
                + "', 'period': '1h', 'fetchRetries': 0, 'labels': {'origin': 'test'}}}"));
  }

  @AfterEach
  void stop() {
    importers.close();
    provider.close();
    db.close();
  }

  void publish(String path, byte[] bytes, String algorithm) throws Exception {
    provider.put("/csaf/white/" + path, bytes);
    if (algorithm != null) {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
      String suffix = algorithm.equals("SHA-256") ? ".sha256" : ".sha512";
      String file = path.substring(path.lastIndexOf('/') + 1);
      provider.put("/csaf/white/" + path + suffix, hex + "  " + file + "\n");
    }
  }

  void changes(String... lines) {
    StringBuilder csv = new StringBuilder();
    for (String line : lines) {
      String[] f = line.split(",");
      csv.append('"').append(f[0]).append("\",\"").append(f[1]).append("\"\n");
    }
    provider.put("/csaf/white/changes.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  RunReport run() throws Exception {
    return importers.run("provider").orElseThrow();
  }

  @Test
  void badDocumentsAreReportedAndTheWalkGoesOn() throws Exception {
    RunReport report = run();

    assertThat(report.outcome()).isEqualTo(RunReport.Outcome.COMPLETED);
    assertThat(report.stored()).isEqualTo(3);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(2);
    assertThat(sink.names)
        .containsExactlyInAnyOrder(
            provider.base() + "/csaf/white/2022/bsi-2022-0001.json",
            provider.base() + "/csaf/white/2021/rhsa-2021_5186.json",
            provider.base() + "/csaf/white/2022/rhsa-2022_0011.json");
    assertThat(sink.labels).allSatisfy(l -> assertThat(l).containsEntry("origin", "test"));
    assertThat(report.messages())
        .anySatisfy(
            m -> {
              assertThat(m.document()).endsWith("/2021/rhsa-2021_5217.json");
              assertThat(m.outcome()).isEqualTo("failed");
              assertThat(m.message()).contains("SHA-256 mismatch").contains("00ff");
            })
        .anySatisfy(
            m -> {
              assertThat(m.document()).endsWith("/2021/missing.json");
              assertThat(m.message()).contains("404");
            })
        .anySatisfy(
            m -> {
              assertThat(m.document()).endsWith("/2020/broken.json");
              assertThat(m.outcome()).isEqualTo("rejected");
              assertThat(m.message()).contains("not JSON");
            });
    Importer after = importers.get("provider");
    assertThat(after.lastSuccess()).contains(Fixtures.START);
    assertThat(after.running()).isFalse();
    assertThat(importers.reports("provider", 0, 10)).hasSize(1);
  }

  @Test
  void aRerunFetchesOnlyWhatFailedAndANewChangeFetchesOnlyThatDocument() throws Exception {
    run();
    provider.requests.clear();

    RunReport second = run();
    assertThat(second.stored()).isZero();
    assertThat(second.skipped()).isEqualTo(4); // three stored, one refused
    assertThat(second.failed()).isEqualTo(2); // tried again
    assertThat(provider.hits("/csaf/white/2022/bsi-2022-0001.json")).isZero();
    assertThat(provider.hits("/csaf/white/2020/broken.json")).isZero();
    assertThat(provider.hits("/csaf/white/2021/rhsa-2021_5217.json")).isEqualTo(1);
    assertThat(provider.hits("/csaf/white/2021/missing.json")).isEqualTo(1);

    // the provider fixes the digest and publishes a new document
    publish(
        "2021/rhsa-2021_5217.json", FixtureServer.resource("csaf/rhsa-2021_5217.json"), "SHA-256");
    byte[] updated =
        new String(FixtureServer.resource("csaf/bsi-2022-0001.json"), StandardCharsets.UTF_8)
            .replace("\"tracking\"", "\"x_note\": \"updated\", \"tracking\"")
            .getBytes(StandardCharsets.UTF_8);
    publish("2023/bsi-2022-0001-update.json", updated, "SHA-256");
    changes(
        "2023/bsi-2022-0001-update.json,2023-01-01T10:00:00Z",
        "2022/bsi-2022-0001.json,2022-03-01T10:00:00Z",
        "2022/rhsa-2022_0011.json,2022-01-05T10:00:00Z",
        "2021/rhsa-2021_5217.json,2021-12-20T10:00:00Z",
        "2021/rhsa-2021_5186.json,2021-12-15T10:00:00Z",
        "2021/missing.json,2021-06-01T10:00:00Z",
        "2020/broken.json,2020-01-01T10:00:00Z");
    provider.requests.clear();

    RunReport third = run();
    assertThat(third.stored()).isEqualTo(2);
    assertThat(third.failed()).isEqualTo(1);
    assertThat(provider.requests)
        .filteredOn(p -> p.endsWith(".json") && p.startsWith("/csaf/"))
        .containsExactlyInAnyOrder(
            "/csaf/white/2023/bsi-2022-0001-update.json",
            "/csaf/white/2021/rhsa-2021_5217.json",
            "/csaf/white/2021/missing.json");
    assertThat(importers.reports("provider", 0, 10))
        .extracting(RunReport::stored)
        .containsExactly(2, 0, 3);
  }

  @Test
  void aRunThatCrashesHalfWayResumesWithoutRedoingDoneDocuments() throws Exception {
    sink.crashAfter = 1;
    RunReport crashed = run();
    assertThat(crashed.outcome()).isEqualTo(RunReport.Outcome.FAILED);
    assertThat(crashed.error()).get().asString().contains("sink crashed");
    assertThat(sink.names).hasSize(1);
    String first = sink.names.get(0).substring(provider.base().length());

    sink.crashAfter = Integer.MAX_VALUE;
    provider.requests.clear();
    RunReport resumed = run();
    assertThat(resumed.outcome()).isEqualTo(RunReport.Outcome.COMPLETED);
    assertThat(resumed.stored()).isEqualTo(2);
    assertThat(resumed.skipped()).isEqualTo(1);
    assertThat(provider.hits(first)).isZero();
    assertThat(sink.names).hasSize(3);
  }

  @Test
  void whenTheStoreIsUnavailableHalfWayTheRestIsRetriedNextRun() throws Exception {
    sink.unavailableAfter = 1;
    RunReport partial = run();
    assertThat(partial.outcome()).isEqualTo(RunReport.Outcome.COMPLETED);
    assertThat(partial.stored()).isEqualTo(1);
    assertThat(partial.messages())
        .filteredOn(m -> m.message().contains("store unavailable"))
        .hasSize(3); // two good documents and the broken one never reached the store

    sink.unavailableAfter = Integer.MAX_VALUE;
    RunReport rest = run();
    assertThat(rest.stored()).isEqualTo(2);
    assertThat(rest.rejected()).isEqualTo(1);
    assertThat(sink.names).hasSize(3);
  }

  @Test
  void theProviderFailingHalfWayIsReportedPerDocumentAndResumed() throws Exception {
    provider.failing.put("/csaf/white/2022/rhsa-2022_0011.json", 503);
    provider.failing.put("/csaf/white/2021/rhsa-2021_5186.json", 503);
    RunReport first = run();
    assertThat(first.stored()).isEqualTo(1);
    assertThat(first.messages()).filteredOn(m -> m.message().contains("503")).hasSize(2);

    provider.failing.clear();
    provider.requests.clear();
    RunReport second = run();
    assertThat(second.stored()).isEqualTo(2);
    assertThat(provider.hits("/csaf/white/2022/bsi-2022-0001.json")).isZero();
  }

  @Test
  void anUnreachableProviderFailsTheRunWithoutLosingTheContinuation() throws Exception {
    run();
    provider.failing.put("/.well-known/csaf/provider-metadata.json", 500);
    RunReport failed = run();
    assertThat(failed.outcome()).isEqualTo(RunReport.Outcome.FAILED);
    assertThat(failed.error()).get().asString().contains("HTTP 500");
    assertThat(importers.get("provider").lastError()).isPresent();

    provider.failing.clear();
    RunReport again = run();
    assertThat(again.stored()).isZero();
    assertThat(again.skipped()).isEqualTo(4);
  }

  @Test
  void aRolieFeedIsFollowedWithItsHashLinks() throws Exception {
    byte[] doc = FixtureServer.resource("csaf/rhsa-2021_5217.json");
    provider.put("/rolie/docs/rhsa-2021_5217.json", doc);
    provider.put(
        "/rolie/docs/rhsa-2021_5217.json.sha512",
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(doc)));
    provider.put(
        "/rolie/feed.json",
        Fixtures.json(
                "{'feed': {'id': 'f', 'entry': [{'id': 'RHSA-2021:5217', 'updated':"
                    + " '2021-12-20T10:00:00Z', 'link': [{'rel': 'self', 'href':"
                    + " 'docs/rhsa-2021_5217.json'}, {'rel': 'hash', 'href':"
                    + " 'docs/rhsa-2021_5217.json.sha512'}], 'content': {'type':"
                    + " 'application/json', 'src': 'docs/rhsa-2021_5217.json'}}]}}")
            .toString());
    provider.put(
        "/rolie/provider-metadata.json",
        Fixtures.json("{'distributions': [{'rolie': {'feeds': [{'url': 'feed.json'}]}}]}")
            .toString());
    importers.create(
        "rolie",
        Fixtures.json(
            "{'csaf': {'source': '" + provider.base() + "/rolie/provider-metadata.json'}}"));

    RunReport report = importers.run("rolie").orElseThrow();
    assertThat(report.stored()).isEqualTo(1);
    assertThat(provider.hits("/rolie/docs/rhsa-2021_5217.json.sha512")).isEqualTo(1);
    assertThat(importers.run("rolie").orElseThrow().skipped()).isEqualTo(1);
  }

  @Test
  void oneRunPerImporterAtATimeAcrossProcesses() throws Exception {
    Importers other = Fixtures.importers(db, sink, clock, Fixtures.settings("p2", work, List.of()));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inside = holdFirstIngest(release);
    Thread first = runProvider(new AtomicReference<>());
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(importers.get("provider").running()).isTrue();
    assertThat(other.run("provider")).isEmpty();
    assertThat(other.due()).doesNotContain("provider");
    release.countDown();
    first.join(10_000);
    sink.beforeIngest = () -> {};
    assertThat(importers.get("provider").running()).isFalse();
    assertThat(other.run("provider")).isPresent();
    other.close();
  }

  @Test
  void aRunWhoseLeaseExpiredIsTakenOverAndTheOldHolderStops() throws Exception {
    Importers other = Fixtures.importers(db, sink, clock, Fixtures.settings("p2", work, List.of()));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inside = holdFirstIngest(release);
    AtomicReference<RunReport> firstReport = new AtomicReference<>();
    Thread first = runProvider(firstReport);
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    importers.close(); // the first process stops beating
    clock.advance(java.time.Duration.ofMinutes(5)); // its lease runs out
    RunReport takeover = other.run("provider").orElseThrow();
    assertThat(takeover.outcome()).isEqualTo(RunReport.Outcome.COMPLETED);
    release.countDown();
    first.join(10_000);
    assertThat(firstReport.get().outcome()).isEqualTo(RunReport.Outcome.INTERRUPTED);
    // only the process holding the lease wrote a report
    assertThat(other.reports("provider", 0, 10)).hasSize(1);
    other.close();
  }

  /**
   * Makes the sink's first ingest wait for {@code release} (later ones, e.g. another process's, go
   * on); answers a latch that opens when that first ingest has begun.
   */
  private CountDownLatch holdFirstIngest(CountDownLatch release) {
    CountDownLatch inside = new CountDownLatch(1);
    sink.beforeIngest =
        () -> {
          if (inside.getCount() > 0) {
            inside.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    return inside;
  }

  /**
   * Runs the "provider" importer in a new thread, keeping its report (if it ran) in {@code report}.
   */
  private Thread runProvider(AtomicReference<RunReport> report) {
    Thread thread =
        new Thread(
            () -> {
              try {
                importers.run("provider").ifPresent(report::set);
              } catch (ImporterException e) {
                throw new IllegalStateException(e);
              }
            });
    thread.start();
    return thread;
  }
}
