package dev.hallmark.tlog;

import static dev.hallmark.tlog.LogFixture.ORIGIN;
import static dev.hallmark.tlog.LogFixture.SIGNER;
import static dev.hallmark.tlog.LogFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.merkle.MerkleVerifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two engines (as two processes would) on one database: one linear log, then fail-over. */
class SharedDatabaseTest {

  @Test
  void twoWritersOneLogThenFailover() throws Exception {
    try (HikariDataSource ds = TestDatabase.fresh()) {
      LogEngine e1 = LogFixture.engine(ds, "p1");
      TransparencyLog l1 = e1.open("shared", ORIGIN, SIGNER, LogFixture.settings());
      TransparencyLogTest.awaitReady(l1);
      LogEngine e2 = LogFixture.engine(ds, "p2");
      TransparencyLog l2 = e2.open("shared", ORIGIN, SIGNER, LogFixture.settings());
      TransparencyLogTest.awaitReady(l2);

      Map<Long, String> acknowledged = new HashMap<>();
      List<LogSnapshot> seen = new ArrayList<>();
      List<CompletableFuture<Appended>> futures = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String text = "entry " + i;
        texts.add(text);
        futures.add((i % 2 == 0 ? l1 : l2).append(body(text)));
      }
      for (int i = 0; i < futures.size(); i++) {
        Appended a = futures.get(i).get(30, TimeUnit.SECONDS);
        LogFixture.verify(a);
        assertThat(acknowledged.put(a.index(), texts.get(i))).isNull();
        seen.add(a.checkpoint());
      }
      assertThat(acknowledged).hasSize(400);

      // Fail-over: the first engine stops; the second takes the lease and keeps writing.
      e1.close();
      for (int i = 400; i < 450; i++) {
        Appended a = appendWithRetry(l2, "entry " + i);
        LogFixture.verify(a);
        assertThat(acknowledged.put(a.index(), "entry " + i)).isNull();
        seen.add(a.checkpoint());
      }
      LogSnapshot last = l2.latest();
      assertThat(last.size()).isEqualTo(450);
      for (var e : acknowledged.entrySet()) {
        Appended again = l2.append(body(e.getValue())).get(10, TimeUnit.SECONDS);
        assertThat(again.index()).isEqualTo(e.getKey());
      }
      for (LogSnapshot s : seen) {
        if (s.size() > 0) {
          MerkleVerifier.verifyConsistency(
              s.size(),
              last.size(),
              s.rootHash(),
              last.rootHash(),
              l2.consistencyProof(s.size(), last.size()));
        }
      }
      e2.close();
    }
  }

  private static Appended appendWithRetry(TransparencyLog log, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        return log.append(body(text)).get(20, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (System.nanoTime() > deadline || !(e.getCause() instanceof LogUnavailableException)) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }
}
