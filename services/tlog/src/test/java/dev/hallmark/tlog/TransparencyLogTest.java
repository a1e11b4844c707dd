package dev.hallmark.tlog;

import static dev.hallmark.tlog.LogFixture.ORIGIN;
import static dev.hallmark.tlog.LogFixture.SIGNER;
import static dev.hallmark.tlog.LogFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MemoryTree;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.ProofBuilder;
import dev.hallmark.core.merkle.Rfc6962;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransparencyLogTest {
  private HikariDataSource ds;
  private LogEngine engine;
  private TransparencyLog log;

  @BeforeEach
  void open() throws Exception {
    ds = TestDatabase.fresh();
    engine = LogFixture.engine(ds, "p1");
    log = engine.open("test", ORIGIN, SIGNER, LogFixture.settings());
    awaitReady(log);
  }

  @AfterEach
  void close() {
    engine.close();
    ds.close();
  }

  static void awaitReady(TransparencyLog log) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!log.ready() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(log.ready()).as("log signed its first checkpoint").isTrue();
  }

  @Test
  void emptyLogHasASignedEmptyCheckpoint() throws Exception {
    LogSnapshot s = log.latest();
    assertThat(s.size()).isZero();
    assertThat(s.rootHash()).isEqualTo(Rfc6962.emptyRoot());
    assertThat(s.checkpoint())
        .startsWith(ORIGIN + "\n0\n" + Rfc6962.emptyRoot().base64() + "\n\n— " + ORIGIN + " ");
  }

  @Test
  void appendsAnswerWithVerifiableProofs() throws Exception {
    List<CompletableFuture<Appended>> futures = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      futures.add(log.append(body("entry " + i)));
    }
    List<Long> indexes = new ArrayList<>();
    for (CompletableFuture<Appended> f : futures) {
      Appended a = f.get(20, TimeUnit.SECONDS);
      LogFixture.verify(a);
      assertThat(a.duplicate()).isFalse();
      indexes.add(a.index());
    }
    assertThat(indexes).doesNotHaveDuplicates().allMatch(i -> i >= 0 && i < 700);
    assertThat(log.latest().size()).isEqualTo(700);
  }

  @Test
  void duplicateReturnsTheExistingEntry() throws Exception {
    Appended first = log.append(body("same")).get(10, TimeUnit.SECONDS);
    log.append(body("other")).get(10, TimeUnit.SECONDS);
    Appended again = log.append(body("same")).get(10, TimeUnit.SECONDS);
    assertThat(again.index()).isEqualTo(first.index());
    assertThat(again.duplicate()).isTrue();
    LogFixture.verify(again);
    // Duplicates inside one batch, too.
    var a = log.append(body("twin"));
    var b = log.append(body("twin"));
    assertThat(a.get(10, TimeUnit.SECONDS).index()).isEqualTo(b.get(10, TimeUnit.SECONDS).index());
    assertThat(log.latest().size()).isEqualTo(3);
  }

  @Test
  void searchKeysAreStoredVerbatim() throws Exception {
    // Keys travel to PostgreSQL as text arrays: characters an array literal or COPY would need
    // escaped, and the word NULL, must come back as they went in.
    List<String> awkward =
        List.of(
            "email:a,b{c}\"d\"@example.com",
            "uri:https://x.example/p?q=1\\2",
            "NULL",
            "email:tab\there\nnewline",
            "email:ünïcødé@例え.jp",
            "");
    List<Appended> appended = new ArrayList<>();
    for (int i = 0; i < awkward.size(); i++) {
      appended.add(
          log.append(body("awkward " + i), List.of(awkward.get(i), "sha256:shared"))
              .get(10, TimeUnit.SECONDS));
    }
    for (int i = 0; i < awkward.size(); i++) {
      assertThat(log.search(List.of(awkward.get(i)), false, 10))
          .as("key %s", awkward.get(i))
          .containsExactly(appended.get(i).index());
    }
    assertThat(log.search(List.of("sha256:shared"), false, 100)).hasSize(awkward.size());
    assertThat(log.search(List.of("null"), false, 10)).isEmpty();
  }

  @Test
  void tilesAndBundlesRebuildTheSignedTree() throws Exception {
    int n = 256 * 3 + 17;
    List<CompletableFuture<Appended>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(log.append(body("tiled " + i)));
    }
    for (var f : futures) {
      f.get(20, TimeUnit.SECONDS);
    }
    LogSnapshot s = log.latest();
    assertThat(s.size()).isEqualTo(n);
    MemoryTree tree = new MemoryTree();
    for (long t = 0; t <= n / 256; t++) {
      int width = (int) Math.min(256, n - t * 256);
      byte[] bundle = log.entryBundle(t, width).orElseThrow();
      byte[] tile = log.tile(0, t, width).orElseThrow();
      int pos = 0;
      for (int i = 0; i < width; i++) {
        int len = ((bundle[pos] & 0xff) << 8) | (bundle[pos + 1] & 0xff);
        Hash leaf = Rfc6962.leafHash(Arrays.copyOfRange(bundle, pos + 2, pos + 2 + len));
        assertThat(Hash.of(Arrays.copyOfRange(tile, i * 32, i * 32 + 32))).isEqualTo(leaf);
        tree.append(leaf);
        pos += 2 + len;
      }
      assertThat(pos).isEqualTo(bundle.length);
    }
    assertThat(new ProofBuilder(tree).root(n)).isEqualTo(s.rootHash());
    // Level-1 tile: one hash per full level-0 tile, partial width 3 at this size.
    byte[] level1 = log.tile(1, 0, 3).orElseThrow();
    assertThat(Hash.of(Arrays.copyOfRange(level1, 64, 96))).isEqualTo(tree.subtree(8, 2));
    // Narrower widths are prefixes; wider than signed is not served.
    assertThat(log.tile(0, 3, 10).orElseThrow()).hasSize(320);
    assertThat(log.tile(0, 3, 18)).isEmpty();
    assertThat(log.tile(0, 4, 1)).isEmpty();
    assertThat(log.entryBundle(3, 18)).isEmpty();
    // Proofs served by the log agree with the rebuilt tree.
    assertThat(log.inclusionProof(300, n)).isEqualTo(new ProofBuilder(tree).inclusionProof(300, n));
    MerkleVerifier.verifyConsistency(
        100, n, new ProofBuilder(tree).root(100), s.rootHash(), log.consistencyProof(100, n));
  }

  @Test
  void edgeBundleGrowsWithTheLog() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      List<CompletableFuture<Appended>> futures = new ArrayList<>();
      for (int i = 0; i < 70; i++) {
        byte[] b = body("edge " + round + " " + i);
        futures.add(log.append(b));
      }
      for (var f : futures) {
        Appended a = f.get(10, TimeUnit.SECONDS);
        while (bodies.size() <= a.index()) {
          bodies.add(null);
        }
        bodies.set((int) a.index(), a.body());
      }
      long size = log.latest().size();
      int width = (int) Math.min(256, size);
      byte[] bundle = log.entryBundle(0, width).orElseThrow();
      int pos = 0;
      for (int i = 0; i < width; i++) {
        int len = ((bundle[pos] & 0xff) << 8) | (bundle[pos + 1] & 0xff);
        assertThat(Arrays.copyOfRange(bundle, pos + 2, pos + 2 + len)).isEqualTo(bodies.get(i));
        pos += 2 + len;
      }
      assertThat(pos).isEqualTo(bundle.length);
      // An older, narrower width is a prefix of the current bundle.
      assertThat(log.entryBundle(0, 1).orElseThrow())
          .isEqualTo(Arrays.copyOf(bundle, 2 + bodies.get(0).length));
    }
  }

  @Test
  void refusesEntriesTooLargeForABundle() {
    var f = log.append(new byte[65536]);
    assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(EntryTooLargeException.class);
  }

  @Test
  void restartKeepsEverythingAndStaysConsistent() throws Exception {
    List<Appended> before = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      before.add(log.append(body("before " + i)).get(10, TimeUnit.SECONDS));
    }
    LogSnapshot old = log.latest();
    engine.close();
    engine = LogFixture.engine(ds, "p2");
    log = engine.open("test", ORIGIN, SIGNER, LogFixture.settings());
    awaitReady(log);
    assertThat(log.latest()).isEqualTo(old);
    for (Appended a : before) {
      Appended again = log.append(a.body()).get(10, TimeUnit.SECONDS);
      assertThat(again.index()).isEqualTo(a.index());
      assertThat(again.duplicate()).isTrue();
    }
    Appended after = log.append(body("after")).get(10, TimeUnit.SECONDS);
    LogFixture.verify(after);
    MerkleVerifier.verifyConsistency(
        old.size(),
        after.checkpoint().size(),
        old.rootHash(),
        after.checkpoint().rootHash(),
        log.consistencyProof(old.size(), after.checkpoint().size()));
  }

  @Test
  void originOfAnExistingLogCannotChange() {
    assertThatThrownBy(() -> engine.open("test", "other.example", SIGNER, LogFixture.settings()))
        .isInstanceOf(LogUnavailableException.class)
        .hasMessageContaining("origin");
  }
}
