package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.tuf.TufException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client workflow against a repository written by {@link RepositoryWriter} and served over
 * loopback HTTP: the happy path, root rotations, caches and fast-forward recovery. The attacks TUF
 * §5 defends against are {@link TufClientRefusalTest}'s.
 */
class TufClientTest {
  @TempDir Path tmp;
  TestRepo repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = new TestRepo(tmp);
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  static TufException refused(TufClient client, Role role, Reason reason) {
    TufException[] caught = new TufException[1];
    assertThatThrownBy(client::refresh)
        .isInstanceOfSatisfying(
            TufException.class,
            e -> {
              assertThat(e.role()).as(e.getMessage()).isEqualTo(role);
              assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
              assertThat(e.getMessage()).startsWith(role.jsonName() + ": ");
              caught[0] = e;
            });
    return caught[0];
  }

  @Test
  void downloadsVerifiedTargetsAndCachesThem() throws Exception {
    TufClient client = repo.client();
    client.refresh();

    assertThat(client.target("trusted_root.json")).isEqualTo(TestRepo.TRUSTED_ROOT);
    assertThat(client.target("signing_config.v0.2.json")).isEqualTo(TestRepo.SIGNING_CONFIG);
    assertThat(client.trustedTargets().orElseThrow().signed().version()).isEqualTo(1);
    assertThat(Files.list(tmp.resolve("cache")).map(p -> p.getFileName().toString()))
        .contains("root.json", "timestamp.json", "snapshot.json", "targets.json", "targets");

    // the cached copy is served without the remote once it matches the trusted metadata
    Files.delete(repo.repoDir.resolve(repo.targetPath("trusted_root.json")));
    assertThat(client.target("trusted_root.json")).isEqualTo(TestRepo.TRUSTED_ROOT);
  }

  @Test
  void servesFromAVerifiedCacheWithoutTheRemoteUntilItExpires() throws Exception {
    repo.client().target("trusted_root.json");
    repo.close();
    TufClient offline =
        TufClient.open(client(repo), repo.cacheDir, repo.clock, ClientLimits.DEFAULT);

    assertThat(offline.useCache()).isTrue();
    assertThat(offline.target("trusted_root.json")).isEqualTo(TestRepo.TRUSTED_ROOT);
    assertThat(offline.trustedTargets().orElseThrow().signed().version()).isEqualTo(1);

    repo.clock.advance(Duration.ofDays(1));
    TufClient later = TufClient.open(client(repo), repo.cacheDir, repo.clock, ClientLimits.DEFAULT);
    assertThat(later.useCache()).as("timestamp expired").isFalse();
    assertThat(later.trustedTargets()).isEmpty();
  }

  @Test
  void doesNotUseACacheWhoseFilesDoNotFitTogether() throws Exception {
    repo.client().refresh();
    byte[] snapshot = Files.readAllBytes(repo.cacheDir.resolve("snapshot.json"));
    Files.write(
        repo.cacheDir.resolve("snapshot.json"),
        Arrays.copyOf(snapshot, snapshot.length + 1)); // valid JSON plus a trailing byte
    TufClient c = TufClient.open(client(repo), repo.cacheDir, repo.clock, ClientLimits.DEFAULT);
    assertThat(c.useCache()).isFalse();
    Files.delete(repo.cacheDir.resolve("snapshot.json"));
    assertThat(c.useCache()).isFalse();
  }

  @Test
  void picksUpNewTargetsAndVersions() throws Exception {
    TufClient client = repo.client();
    client.refresh();
    byte[] v2 = "{\"mediaType\":\"trusted root v2\"}\n".getBytes(StandardCharsets.UTF_8);
    repo.publish(repo.writer.putTargets(Map.of("trusted_root.json", v2)));

    TufClient again = TufClient.open(client(repo), repo.cacheDir, repo.clock, ClientLimits.DEFAULT);
    again.refresh();

    assertThat(again.target("trusted_root.json")).isEqualTo(v2);
    assertThat(again.trustedTargets().orElseThrow().signed().version()).isEqualTo(2);
  }

  @Test
  void followsTwoRootRotationsWithKeyChangesWithoutReseeding() throws Exception {
    TufClient client = repo.client();
    client.refresh();

    // rotation 1: new root key, new timestamp key
    TufSigner root2 = TestRepo.ecdsa();
    TufSigner timestamp2 = TestRepo.ecdsa();
    RepositoryWriter w2 = reopen(List.of(root2, repo.targets1, repo.snapshot1, timestamp2));
    Metadata<Root> v2 =
        w2.draftRoot(TestRepo.roles(root2, repo.targets1, repo.snapshot1, timestamp2))
            .sign(repo.root1)
            .sign(root2);
    repo.publish(w2.publishRoot(v2));

    // rotation 2: root threshold 2 of two new keys, new targets key; new trusted_root.json
    TufSigner root3a = TestRepo.ed25519();
    TufSigner root3b = TestRepo.ecdsa();
    TufSigner targets3 = TestRepo.ecdsa();
    Map<Role, RoleSetup> roles3 = TestRepo.roles(root3a, targets3, repo.snapshot1, timestamp2);
    roles3.put(Role.ROOT, new RoleSetup(List.of(root3a.key(), root3b.key()), 2));
    RepositoryWriter w3 =
        reopen(w2, List.of(root2, root3a, root3b, targets3, repo.snapshot1, timestamp2));
    Metadata<Root> v3 = w3.signWithAvailableKeys(w3.draftRoot(roles3));
    assertThat(v3.signatures()).hasSize(3);
    repo.publish(w3.publishRoot(v3));
    byte[] newTrustedRoot = "{\"rotated\":true}".getBytes(StandardCharsets.UTF_8);
    repo.publish(w3.putTargets(Map.of("trusted_root.json", newTrustedRoot)));

    client.refresh();
    assertThat(client.trustedRoot().signed().version()).isEqualTo(3);
    assertThat(client.target("trusted_root.json")).isEqualTo(newTrustedRoot);

    // a client seeded with version 1 long ago walks the whole chain too
    Files.walk(repo.cacheDir).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    TufClient fresh = repo.client();
    fresh.refresh();
    assertThat(fresh.trustedRoot().signed().version()).isEqualTo(3);
    assertThat(fresh.target("trusted_root.json")).isEqualTo(newTrustedRoot);
    assertThat(
            Metadata.parse(Files.readAllBytes(repo.cacheDir.resolve("root.json")), Root.class)
                .signed()
                .version())
        .isEqualTo(3);
  }

  @Test
  void stopsAfterMaxRootRotationsAndContinuesNextTime() throws Exception {
    TufSigner root2 = TestRepo.ecdsa();
    RepositoryWriter w =
        reopen(List.of(repo.root1, root2, repo.targets1, repo.snapshot1, repo.timestamp1));
    repo.publish(
        w.publishRoot(
            w.signWithAvailableKeys(
                w.draftRoot(
                    TestRepo.roles(root2, repo.targets1, repo.snapshot1, repo.timestamp1)))));
    repo.publish(
        w.publishRoot(
            w.signWithAvailableKeys(
                w.draftRoot(
                    TestRepo.roles(root2, repo.targets1, repo.snapshot1, repo.timestamp1)))));
    ClientLimits one = new ClientLimits(1, 512_000, 16_384, 2_000_000, 5_000_000);
    TufClient client =
        TufClient.bootstrap(client(repo), repo.cacheDir, repo.clock, one, repo.rootV1);

    client.refresh();
    assertThat(client.trustedRoot().signed().version()).isEqualTo(2);
    client.refresh();
    assertThat(client.trustedRoot().signed().version()).isEqualTo(3);
  }

  @Test
  void worksOverADirectoryRemoteToo() throws Exception {
    TufClient client =
        TufClient.bootstrap(
            new DirectoryRemoteRepository(repo.repoDir),
            repo.cacheDir,
            repo.clock,
            ClientLimits.DEFAULT,
            repo.rootV1);
    assertThat(client.target("signing_config.v0.2.json")).isEqualTo(TestRepo.SIGNING_CONFIG);
  }

  @Test
  void bootstrapKeepsANewerCachedRootAndReplacesABrokenOne() throws Exception {
    TufSigner root2 = TestRepo.ecdsa();
    repo.publish(
        repo.writer.publishRoot(
            repo.writer
                .draftRoot(TestRepo.roles(root2, repo.targets1, repo.snapshot1, repo.timestamp1))
                .sign(repo.root1)
                .sign(root2)));
    repo.client().refresh();
    assertThat(repo.client().trustedRoot().signed().version()).isEqualTo(2);

    Files.writeString(repo.cacheDir.resolve("root.json"), "{broken");
    assertThat(repo.client().trustedRoot().signed().version()).isEqualTo(1);

    assertThatThrownBy(
            () ->
                TufClient.bootstrap(
                    client(repo),
                    repo.cacheDir,
                    repo.clock,
                    ClientLimits.DEFAULT,
                    "{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            TufException.class,
            e -> {
              assertThat(e.role()).isEqualTo(Role.ROOT);
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            });
  }

  // ---- fast-forward recovery ----

  @Test
  void recoversFromAFastForwardedTimestampAfterTheTimestampKeyRotates() throws Exception {
    TufClient client = repo.client();
    for (int i = 0; i < 3; i++) {
      repo.publish(repo.writer.putTargets(Map.of("x" + i, new byte[] {(byte) i})));
    }
    client.refresh();
    assertThat(client.trustedRoot().signed().version()).isEqualTo(1);
    // the compromised timestamp key had pushed timestamp to a huge version: the repository
    // rotates the timestamp key and starts timestamp over at version 1
    TufSigner timestamp2 = TestRepo.ed25519();
    Metadata<Root> v2 =
        repo.writer
            .draftRoot(TestRepo.roles(repo.root1, repo.targets1, repo.snapshot1, timestamp2))
            .sign(repo.root1);
    repo.serve(v2);
    Metadata<Snapshot> snap = repo.writer.snapshot();
    Metadata<Timestamp> restart =
        Metadata.of(
                new Timestamp(
                    "1.0",
                    1,
                    repo.clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
                    MetaFile.describing(snap.signed().version(), snap.toJson())))
            .sign(timestamp2);
    repo.serve(restart);

    client.refresh();
    assertThat(client.trustedRoot().signed().version()).isEqualTo(2);
    assertThat(client.target("x2")).containsExactly(2);
  }

  @Test
  void dropsTheCachedTimestampWhenTimestampKeysChangeEvenIfTheOldKeyStays() throws Exception {
    TufClient client = repo.client();
    for (int i = 0; i < 3; i++) {
      repo.publish(repo.writer.putTargets(Map.of("x" + i, new byte[] {(byte) i})));
    }
    client.refresh();
    // root 2 adds a timestamp key; the cached timestamp (version 4, old key) still verifies
    // under it, so only §5.3.11's deletion lets a restarted timestamp version 1 in
    TufSigner timestamp2 = TestRepo.ed25519();
    Map<Role, RoleSetup> roles =
        TestRepo.roles(repo.root1, repo.targets1, repo.snapshot1, repo.timestamp1);
    roles.put(Role.TIMESTAMP, new RoleSetup(List.of(repo.timestamp1.key(), timestamp2.key()), 1));
    repo.serve(repo.writer.draftRoot(roles).sign(repo.root1));
    Metadata<Snapshot> snap = repo.writer.snapshot();
    repo.serve(
        Metadata.of(
                new Timestamp(
                    "1.0",
                    1,
                    repo.clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
                    MetaFile.describing(snap.signed().version(), snap.toJson())))
            .sign(timestamp2));

    client.refresh();
    assertThat(client.trustedRoot().signed().version()).isEqualTo(2);
    assertThat(client.target("x2")).containsExactly(2);
  }

  // ---- helpers ----

  private static RemoteRepository client(TestRepo repo) {
    return new HttpRemoteRepository(
        java.net.http.HttpClient.newHttpClient(), repo.mirror, Duration.ofSeconds(10));
  }

  private RepositoryWriter reopen(List<TufSigner> signers) throws Exception {
    return reopen(repo.writer, signers);
  }

  private RepositoryWriter reopen(RepositoryWriter from, List<TufSigner> signers) throws Exception {
    Map<String, byte[]> contents = new java.util.HashMap<>();
    for (String name : from.targets().signed().targets().keySet()) {
      TargetFile t = from.targets().signed().targets().get(name);
      contents.put(name, repo.read("targets/" + t.hashes().get("sha256") + "." + name));
    }
    List<byte[]> roots = new java.util.ArrayList<>();
    for (long v = 1; v <= from.root().signed().version(); v++) {
      roots.add(repo.read(v + ".root.json"));
    }
    return RepositoryWriter.open(
        repo.clock,
        TestRepo.EXPIRIES,
        signers,
        roots,
        from.targets().toJson(),
        from.snapshot().toJson(),
        from.timestamp().toJson(),
        contents);
  }
}
