package dev.hallmark.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed with SIGKILL under load and restarted has every entry that was answered
 * 201 at the same index, and every pair of successive checkpoints it ever published is consistent.
 */
class CrashSafetyTest {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
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
  void killedUnderLoadLosesNothingAndNeverForks() throws Exception {
    SecureRandom random = new SecureRandom();
    Path keyFile = dir.resolve("log-key.pem");
    LogKeyFile.create(keyFile, random);
    String db = postgres.freshDatabaseUrl();
    HashedRekordFactory factory = new HashedRekordFactory(random, 2);
    Acknowledgements acks = new Acknowledgements();
    List<String> cycles = new ArrayList<>();

    for (int cycle = 0; cycle < 3; cycle++) {
      // Odd cycles restart under a new process id: the new process must wait out the dead one's
      // lease and take over with a new epoch. Even ones restart as the same holder.
      try (ServerProcess server = start(db, keyFile, "crash-" + (cycle % 2))) {
        RekorV2Client client = RekorV2Client.create(server.baseUrl());
        acks.recordCheckpoint(client.checkpoint());
        Writers writers = Writers.start(4, List.of(client), factory, acks);
        Thread.sleep(1000 + random.nextInt(1000));
        server.kill();
        writers.close();
        cycles.add(
            "cycle "
                + cycle
                + ": "
                + writers.created()
                + " acknowledged, "
                + writers.ioErrors()
                + " cut off, other "
                + writers.otherStatuses());
        assertThat(writers.created()).as("entries acknowledged in cycle %d", cycle).isPositive();
      }
    }

    try (ServerProcess server = start(db, keyFile, "crash-final")) {
      RekorV2Client client = RekorV2Client.create(server.baseUrl());
      // Every acknowledged request, sent again, gets its original index back.
      Map<HashedRekordRequest, Long> byRequest = acks.byRequest();
      int checked = 0;
      for (Map.Entry<HashedRekordRequest, Long> e : byRequest.entrySet()) {
        if (checked++ % 20 != 0) {
          continue;
        }
        PostResult again = client.postRetrying(e.getKey(), Duration.ofSeconds(20));
        assertThat(again.status()).as("re-post: %s", again.error()).isEqualTo(201);
        assertThat(again.entry().index()).as("index of a re-posted entry").isEqualTo(e.getValue());
        acks.record(e.getKey(), again.entry());
      }
      acks.recordCheckpoint(client.checkpoint());

      LogAuditor audit =
          LogAuditor.audit(
              client,
              LogKeyFile.verifier(keyFile, LogKeyFile.LOCALHOST_ORIGIN),
              LogKeyFile.LOCALHOST_ORIGIN);
      audit.checkAcknowledged(acks.byIndex());
      audit.checkCheckpoints(acks.checkpoints());
      audit.checkUnique();
      assertThat(acks.problems()).as("problems in answers; %s", cycles).isEmpty();
      assertThat(audit.size()).isGreaterThanOrEqualTo(acks.size());
      System.out.printf(
          "%s%nlog size %d, %d acknowledged, %d checkpoints observed%n",
          String.join("\n", cycles), audit.size(), acks.size(), acks.checkpoints().size());
    }
  }

  private ServerProcess start(String db, Path keyFile, String processId) throws Exception {
    Map<String, String> env = new HashMap<>(postgres.serverEnv(db));
    env.put("HALLMARK_REKOR_V2_PORT", Integer.toString(ServerProcess.freePort()));
    env.put("HALLMARK_REKOR_V2_KEY_FILE", keyFile.toString());
    env.put("HALLMARK_PROCESS_ID", processId);
    env.put("HALLMARK_TLOG_LEASE_TTL_MS", "1000");
    env.put("HALLMARK_DATABASE_POOL_SIZE", "8");
    return ServerProcess.start(
        dir.resolve("server"), env, ServerProcess.defaultJvmOptions(), START_TIMEOUT);
  }
}
