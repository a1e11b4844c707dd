package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigstore.tuf.FileSystemTufStore;
import dev.sigstore.tuf.HttpFetcher;
import dev.sigstore.tuf.MetaFetcher;
import dev.sigstore.tuf.PassthroughCacheMetaStore;
import dev.sigstore.tuf.RootProvider;
import dev.sigstore.tuf.TrustedMetaStore;
import dev.sigstore.tuf.Updater;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sigstore-java 2.0.0's TUF updater (a client Hallmark's users run) against repositories this
 * module writes: bootstrap, then two root rotations with key changes followed without re-seeding.
 */
class SigstoreJavaInteropTest {
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

  private Updater updater(Path seed) throws Exception {
    FileSystemTufStore store =
        FileSystemTufStore.newFileSystemStore(
            Files.createDirectories(tmp.resolve("sigstore-java")));
    return Updater.builder()
        .setClock(repo.clock)
        .setTrustedRootPath(RootProvider.fromFile(seed))
        .setTrustedMetaStore(
            TrustedMetaStore.newTrustedMetaStore(
                PassthroughCacheMetaStore.newPassthroughMetaCache(store)))
        .setTargetStore(store)
        .setMetaFetcher(MetaFetcher.newFetcher(HttpFetcher.newFetcher(repo.mirror)))
        .setTargetFetcher(HttpFetcher.newFetcher(repo.mirror.resolve("targets/")))
        .build();
  }

  private byte[] cachedTarget(String name) throws Exception {
    return Files.readAllBytes(tmp.resolve("sigstore-java").resolve("targets").resolve(name));
  }

  @Test
  void bootstrapsAndFollowsTwoRootRotations() throws Exception {
    Path seed = tmp.resolve("root.json");
    Files.write(seed, repo.rootV1);
    updater(seed).update();
    assertThat(cachedTarget("trusted_root.json")).isEqualTo(TestRepo.TRUSTED_ROOT);
    assertThat(cachedTarget("signing_config.v0.2.json")).isEqualTo(TestRepo.SIGNING_CONFIG);

    // rotation 1: new root key (ECDSA) and new timestamp key
    TufSigner root2 = TestRepo.ecdsa();
    TufSigner timestamp2 = TestRepo.ecdsa();
    RepositoryWriter w =
        reopen(List.of(repo.root1, root2, repo.targets1, repo.snapshot1, timestamp2));
    repo.publish(
        w.publishRoot(
            w.signWithAvailableKeys(
                w.draftRoot(TestRepo.roles(root2, repo.targets1, repo.snapshot1, timestamp2)))));
    // rotation 2: two root keys with threshold 2, new targets key, new trusted_root.json
    TufSigner root3a = TestRepo.ed25519();
    TufSigner root3b = TestRepo.ecdsa();
    TufSigner targets3 = TestRepo.ecdsa();
    RepositoryWriter w3 =
        reopen(w, List.of(root2, root3a, root3b, targets3, repo.snapshot1, timestamp2));
    Map<Role, RoleSetup> roles3 = TestRepo.roles(root3a, targets3, repo.snapshot1, timestamp2);
    roles3.put(Role.ROOT, new RoleSetup(List.of(root3a.key(), root3b.key()), 2));
    repo.publish(w3.publishRoot(w3.signWithAvailableKeys(w3.draftRoot(roles3))));
    byte[] rotated = "{\"after\":\"two rotations\"}".getBytes(StandardCharsets.UTF_8);
    repo.publish(w3.putTargets(Map.of("trusted_root.json", rotated)));
    repo.clock.advance(Duration.ofHours(1));

    updater(seed).update();
    assertThat(cachedTarget("trusted_root.json")).isEqualTo(rotated);
    Path cachedRoot = tmp.resolve("sigstore-java").resolve("root.json");
    assertThat(Metadata.parse(Files.readAllBytes(cachedRoot), Root.class).signed().version())
        .isEqualTo(3);
  }

  @Test
  void refusesWhatOurClientRefuses() throws Exception {
    // a root version 2 signed only by a key the trusted root does not know
    TufSigner attacker = TestRepo.ecdsa();
    repo.serve(
        repo.writer
            .draftRoot(TestRepo.roles(attacker, repo.targets1, repo.snapshot1, repo.timestamp1))
            .sign(attacker));
    Path seed = tmp.resolve("root.json");
    Files.write(seed, repo.rootV1);
    assertThatThrownBy(() -> updater(seed).update())
        .isInstanceOf(dev.sigstore.tuf.SignatureVerificationException.class);
  }

  private RepositoryWriter reopen(List<TufSigner> signers) throws Exception {
    return reopen(repo.writer, signers);
  }

  private RepositoryWriter reopen(RepositoryWriter from, List<TufSigner> signers) throws Exception {
    Map<String, byte[]> contents = new java.util.HashMap<>();
    for (var e : from.targets().signed().targets().entrySet()) {
      contents.put(
          e.getKey(),
          repo.read("targets/" + e.getValue().hashes().get("sha256") + "." + e.getKey()));
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
