package dev.hallmark.bench;

import dev.hallmark.core.note.NoteVerifier;
import dev.hallmark.testkit.Acknowledgements;
import dev.hallmark.testkit.AuditException;
import dev.hallmark.testkit.HashedRekordFactory;
import dev.hallmark.testkit.HashedRekordRequest;
import dev.hallmark.testkit.LogAuditor;
import dev.hallmark.testkit.LogKeyFile;
import dev.hallmark.testkit.PostResult;
import dev.hallmark.testkit.RekorV2Client;
import dev.hallmark.testkit.ServerProcess;
import dev.hallmark.testkit.SharedPostgres;
import dev.hallmark.testkit.Writers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The crash-safety procedure of {@code CrashSafetyTest}, many times over: start the server, load it
 * with writers, SIGKILL it at a random moment, restart, audit. Exits 1 at the first lost entry,
 * fork, inconsistent checkpoint, bad proof or dedup failure.
 */
@Command(
    name = "crash-loop",
    mixinStandardHelpOptions = true,
    description = "SIGKILL a loaded Hallmark server over and over; audit the log after each crash.")
public final class CrashLoop implements Callable<Integer> {
  @Option(names = "--cycles", defaultValue = "100", description = "Kill/restart cycles.")
  int cycles;

  @Option(names = "--writers", defaultValue = "4", description = "Writer threads.")
  int writers;

  @Option(names = "--min-kill-ms", defaultValue = "300", description = "Earliest kill after start.")
  int minKill;

  @Option(names = "--max-kill-ms", defaultValue = "2000", description = "Latest kill after start.")
  int maxKill;

  @Option(names = "--audit-every", defaultValue = "1", description = "Audit every N cycles.")
  int auditEvery;

  @Option(names = "--lease-ttl-ms", defaultValue = "1000", description = "Sequencing lease TTL.")
  int leaseTtl;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CrashLoop()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    SecureRandom random = new SecureRandom();
    Path dir = Files.createTempDirectory("hallmark-crash-loop");
    Path keyFile = dir.resolve("log-key.pem");
    LogKeyFile.create(keyFile, random);
    NoteVerifier logKey = LogKeyFile.verifier(keyFile, LogKeyFile.LOCALHOST_ORIGIN);
    HashedRekordFactory factory = new HashedRekordFactory(random, 2);
    Acknowledgements acks = new Acknowledgements();
    System.out.println("crash loop: data in " + dir);
    try (SharedPostgres postgres = SharedPostgres.start()) {
      String db = postgres.freshDatabaseUrl();
      for (int cycle = 1; cycle <= cycles + 1; cycle++) {
        boolean last = cycle == cycles + 1;
        // Alternate: restart as the same lease holder, or as a new one that must wait out the
        // dead holder's lease and bump the epoch.
        String id = "crash-" + (cycle % 2 == 0 ? cycle : 0);
        long t0 = System.nanoTime();
        try (ServerProcess server = start(postgres, db, dir, keyFile, id)) {
          double startSeconds = (System.nanoTime() - t0) / 1e9;
          RekorV2Client client = RekorV2Client.create(server.baseUrl());
          acks.recordCheckpoint(client.checkpoint());
          String audit = "";
          if (last || (cycle - 1) % auditEvery == 0) {
            audit = audit(client, logKey, acks, random);
          }
          if (last) {
            System.out.printf(
                "PASS: %d cycles, %d entries acknowledged, %s%n", cycles, acks.size(), audit);
            return 0;
          }
          Writers w = Writers.start(writers, List.of(client), factory, acks);
          Thread.sleep(minKill + random.nextInt(Math.max(1, maxKill - minKill)));
          server.kill();
          w.close();
          System.out.printf(
              "cycle %3d: up in %.1f s, +%d acknowledged (total %d), %d cut off, other %s%s%n",
              cycle,
              startSeconds,
              w.created(),
              acks.size(),
              w.ioErrors(),
              w.otherStatuses(),
              audit.isEmpty() ? "" : "; before: " + audit);
        } catch (AuditException e) {
          System.out.printf("FAIL in cycle %d: %s%ndata kept in %s%n", cycle, e.getMessage(), dir);
          return 1;
        }
      }
    }
    return 0;
  }

  /** Audits the restarted log and re-posts a few acknowledged requests (dedup across crashes). */
  private static String audit(
      RekorV2Client client, NoteVerifier logKey, Acknowledgements acks, SecureRandom random)
      throws Exception {
    List<Map.Entry<HashedRekordRequest, Long>> known = new ArrayList<>(acks.byRequest().entrySet());
    for (int i = 0; i < Math.min(5, known.size()); i++) {
      Map.Entry<HashedRekordRequest, Long> e = known.get(random.nextInt(known.size()));
      PostResult again = client.postRetrying(e.getKey(), Duration.ofSeconds(30));
      if (!again.created() || again.entry().index() != e.getValue()) {
        throw new AuditException(
            "re-posted entry " + e.getValue() + " got " + again.status() + " " + again.logged());
      }
      acks.record(e.getKey(), again.entry());
    }
    LogAuditor audit = LogAuditor.audit(client, logKey, LogKeyFile.LOCALHOST_ORIGIN);
    audit.checkAcknowledged(acks.byIndex());
    audit.checkCheckpoints(acks.checkpoints());
    audit.checkUnique();
    if (!acks.problems().isEmpty()) {
      throw new AuditException("bad answers: " + acks.problems());
    }
    return "audit ok (log size "
        + audit.size()
        + ", "
        + acks.checkpoints().size()
        + " checkpoints)";
  }

  private ServerProcess start(
      SharedPostgres postgres, String db, Path dir, Path keyFile, String processId)
      throws Exception {
    Map<String, String> env = new HashMap<>(postgres.serverEnv(db));
    env.put("HALLMARK_REKOR_V2_KEY_FILE", keyFile.toString());
    env.put("HALLMARK_PROCESS_ID", processId);
    env.put("HALLMARK_TLOG_LEASE_TTL_MS", Integer.toString(leaseTtl));
    env.put("HALLMARK_DATABASE_POOL_SIZE", "8");
    return ServerProcess.start(
        dir.resolve("server"), env, ServerProcess.defaultJvmOptions(), Duration.ofSeconds(60));
  }
}
