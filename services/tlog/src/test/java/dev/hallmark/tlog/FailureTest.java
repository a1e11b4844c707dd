package dev.hallmark.tlog;

import static dev.hallmark.tlog.LogFixture.ORIGIN;
import static dev.hallmark.tlog.LogFixture.SIGNER;
import static dev.hallmark.tlog.LogFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.tlog.internal.storage.SqlLogStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each failure point of a batch: no acknowledged entry lost, no inconsistent checkpoint. */
class FailureTest {
  private HikariDataSource ds;
  private FaultyStorage storage;
  private LogEngine engine;
  private TransparencyLog log;

  @BeforeEach
  void open() throws Exception {
    ds = TestDatabase.fresh();
    storage = new FaultyStorage(new SqlLogStorage(ds));
    engine =
        new LogEngine(
            storage,
            new SimpleMeterRegistry(),
            "p1",
            Executors.newFixedThreadPool(2),
            java.time.Clock.systemUTC(),
            new java.util.Random(42));
    log = engine.open("test", ORIGIN, SIGNER, LogFixture.settings());
    TransparencyLogTest.awaitReady(log);
  }

  @AfterEach
  void close() {
    engine.close();
    ds.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultyStorage.Fault.class,
      names = {"BEFORE_APPEND", "AFTER_APPEND_COMMIT", "CAS"})
  void aFailedBatchIsRetriableAndTheLogStaysConsistent(FaultyStorage.Fault fault) throws Exception {
    Appended first = log.append(body("first")).get(10, TimeUnit.SECONDS);
    LogSnapshot before = log.latest();
    storage.failNext(fault, 1);
    var failed = log.append(body("unlucky"));
    assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(LogUnavailableException.class);
    // The client retries: it gets one entry, whatever the failure left behind.
    Appended retried = retry("unlucky");
    LogFixture.verify(retried);
    Appended again = retry("unlucky");
    assertThat(again.index()).isEqualTo(retried.index());
    LogSnapshot after = log.latest();
    assertThat(after.size()).isEqualTo(2);
    MerkleVerifier.verifyConsistency(
        before.size(),
        after.size(),
        before.rootHash(),
        after.rootHash(),
        log.consistencyProof(before.size(), after.size()));
    assertThat(log.append(first.body()).get(10, TimeUnit.SECONDS).index()).isEqualTo(first.index());
  }

  private Appended retry(String text) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        return log.append(body(text)).get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (attempt > 50 || !(e.getCause() instanceof LogUnavailableException)) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void corruptedReadBackStopsTheLogInsteadOfSigning() throws Exception {
    log.append(body("fine")).get(10, TimeUnit.SECONDS);
    LogSnapshot before = log.latest();
    storage.failNext(FaultyStorage.Fault.CORRUPT_TILE_READ, 1);
    var f = log.append(body("corrupted"));
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(LogUnavailableException.class);
    assertThat(log.healthy()).isFalse();
    assertThat(log.latest()).isEqualTo(before);
    var refused = log.append(body("later"));
    assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(LogUnavailableException.class);
  }
}
