package dev.hallmark.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteVerifier;
import dev.hallmark.core.note.SignedNote;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL, both receiving writes: one linear log, no fork, no lost
 * entry; and when one is killed, the other takes over and every write eventually succeeds.
 */
class TwoProcessTest {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String ORIGIN = LogKeyFile.LOCALHOST_ORIGIN;
  private static SharedPostgres postgres;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = SharedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void twoWritersOneLogThenFailOver() throws Exception {
    SecureRandom random = new SecureRandom();
    Path keyFile = dir.resolve("log-key.pem");
    LogKeyFile.create(keyFile, random);
    NoteVerifier logKey = LogKeyFile.verifier(keyFile, ORIGIN);
    String db = postgres.freshDatabaseUrl();
    HashedRekordFactory factory = new HashedRekordFactory(random, 2);
    Acknowledgements acks = new Acknowledgements();

    try (ServerProcess a = start(db, keyFile, "a");
        ServerProcess b = start(db, keyFile, "b")) {
      RekorV2Client clientA = RekorV2Client.create(a.baseUrl());
      RekorV2Client clientB = RekorV2Client.create(b.baseUrl());

      Writers writers = Writers.start(4, List.of(clientA, clientB), factory, acks);
      Thread.sleep(3000);
      writers.close();
      assertThat(writers.created()).isPositive();
      assertThat(writers.ioErrors()).isZero();
      long highest = acks.byIndex().keySet().stream().mapToLong(Long::longValue).max().orElse(-1);

      Checkpoint converged = converge(List.of(clientA, clientB), highest + 1, acks);
      LogAuditor audit = LogAuditor.audit(clientA, logKey, ORIGIN);
      assertThat(audit.size()).isGreaterThanOrEqualTo(converged.size());
      audit.checkAcknowledged(acks.byIndex());
      audit.checkCheckpoints(acks.checkpoints());
      audit.checkUnique();
      assertThat(acks.problems()).isEmpty();
      int beforeFailOver = acks.size();

      // Fail-over: A started first and holds the lease; kill it and keep writing to B only.
      a.kill();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<PostResult>> results = new ArrayList<>();
        List<HashedRekordRequest> requests = factory.generate(200);
        for (HashedRekordRequest r : requests) {
          results.add(pool.submit(() -> clientB.postRetrying(r, Duration.ofSeconds(40))));
        }
        for (int i = 0; i < requests.size(); i++) {
          PostResult r = results.get(i).get();
          assertThat(r.status()).as("write %d after fail-over: %s", i, r.error()).isEqualTo(201);
          acks.record(requests.get(i), r.entry());
        }
      } finally {
        pool.shutdownNow();
      }
      acks.recordCheckpoint(clientB.checkpoint());
      assertThat(acks.size()).isEqualTo(beforeFailOver + 200);

      LogAuditor after = LogAuditor.audit(clientB, logKey, ORIGIN);
      after.checkAcknowledged(acks.byIndex());
      after.checkCheckpoints(acks.checkpoints());
      after.checkUnique();
      assertThat(acks.problems()).isEmpty();
      System.out.printf(
          "two writers: %d acknowledged, other %s; after fail-over log size %d, %d checkpoints%n",
          beforeFailOver, writers.otherStatuses(), after.size(), acks.checkpoints().size());
    }
  }

  /** Waits until every process serves the same checkpoint of at least {@code minSize}. */
  private static Checkpoint converge(
      List<RekorV2Client> clients, long minSize, Acknowledgements acks) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<Checkpoint> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      seen.clear();
      for (RekorV2Client c : clients) {
        String note = c.checkpoint();
        acks.recordCheckpoint(note);
        seen.add(Checkpoint.parse(SignedNote.parse(note).text()));
      }
      if (seen.get(0).size() >= minSize && seen.stream().allMatch(seen.get(0)::equals)) {
        return seen.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("checkpoints did not converge to size >= " + minSize + ": " + seen);
  }

  private ServerProcess start(String db, Path keyFile, String processId) throws Exception {
    Map<String, String> env = new HashMap<>(postgres.serverEnv(db));
    env.put("HALLMARK_REKOR_V2_PORT", Integer.toString(ServerProcess.freePort()));
    env.put("HALLMARK_REKOR_V2_KEY_FILE", keyFile.toString());
    env.put("HALLMARK_PROCESS_ID", processId);
    env.put("HALLMARK_TLOG_LEASE_TTL_MS", "2000");
    env.put("HALLMARK_DATABASE_POOL_SIZE", "8");
    return ServerProcess.start(
        dir.resolve("server-" + processId), env, ServerProcess.defaultJvmOptions(), START_TIMEOUT);
  }
}
