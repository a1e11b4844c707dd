package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.tuf.TufException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link RepositoryWriter} publishes, in which order, and when it refuses. */
class RepositoryWriterTest {
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

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static String sha256Unchecked(byte[] b) {
    try {
      return sha256(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> paths(Publication p) {
    return p.files().stream().map(PublishedFile::path).toList();
  }

  @Test
  void initialRepositoryHasTheSigstoreLayout() throws Exception {
    List<String> paths = paths(repo.writer.allFiles());
    String tr = "targets/" + sha256(TestRepo.TRUSTED_ROOT) + ".trusted_root.json";
    String sc = "targets/" + sha256(TestRepo.SIGNING_CONFIG) + ".signing_config.v0.2.json";

    assertThat(paths)
        .containsExactly(
            sc, tr, "1.root.json", "1.targets.json", "1.snapshot.json", "timestamp.json");
    Root root = repo.writer.root().signed();
    assertThat(root.consistentSnapshot()).isTrue();
    assertThat(root.specVersion()).isEqualTo("1.0");
    assertThat(root.expires()).isEqualTo(TestRepo.T0.plus(Duration.ofDays(365)));
    assertThat(repo.writer.timestamp().signed().expires())
        .isEqualTo(TestRepo.T0.plus(Duration.ofDays(1)));
    Targets targets = repo.writer.targets().signed();
    assertThat(targets.targets().get("trusted_root.json").hashes())
        .containsExactly(Map.entry("sha256", sha256(TestRepo.TRUSTED_ROOT)));
    assertThat(targets.targets().get("trusted_root.json").length())
        .isEqualTo(TestRepo.TRUSTED_ROOT.length);
  }

  @Test
  void metadataFilesNameEachOtherByVersionLengthAndHash() throws Exception {
    byte[] targetsFile = repo.read("1.targets.json");
    byte[] snapshotFile = repo.read("1.snapshot.json");
    Snapshot snapshot = Metadata.parse(snapshotFile, Snapshot.class).signed();
    Timestamp timestamp = Metadata.parse(repo.read("timestamp.json"), Timestamp.class).signed();

    MetaFile t = snapshot.meta().get("targets.json");
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.length()).hasValue(targetsFile.length);
    assertThat(t.hashes()).containsExactly(Map.entry("sha256", sha256(targetsFile)));
    assertThat(timestamp.snapshotMeta().length()).hasValue(snapshotFile.length);
    assertThat(timestamp.snapshotMeta().hashes())
        .containsExactly(Map.entry("sha256", sha256(snapshotFile)));
  }

  @Test
  void changingTargetsBumpsTargetsSnapshotAndTimestamp() throws Exception {
    byte[] content = "nested".getBytes(StandardCharsets.UTF_8);
    Publication p = repo.writer.putTargets(Map.of("dir/sub/file.txt", content));

    assertThat(paths(p))
        .containsExactly(
            "targets/dir/sub/" + sha256(content) + ".file.txt",
            "2.targets.json",
            "2.snapshot.json",
            "timestamp.json");
    assertThat(repo.writer.timestamp().signed().version()).isEqualTo(2);
    assertThat(repo.writer.targets().signed().targets()).containsKey("dir/sub/file.txt");

    Publication removed = repo.writer.removeTargets(Set.of("dir/sub/file.txt"));
    assertThat(paths(removed))
        .containsExactly("3.targets.json", "3.snapshot.json", "timestamp.json");
    assertThat(repo.writer.targets().signed().targets()).doesNotContainKey("dir/sub/file.txt");
  }

  @Test
  void refreshResignsOnlyWhatIsAboutToExpire() throws Exception {
    assertThat(repo.writer.refresh(Duration.ofHours(1)).files()).isEmpty();

    repo.clock.advance(Duration.ofHours(23).plusMinutes(30));
    Publication p = repo.writer.refresh(Duration.ofHours(1));
    assertThat(paths(p)).containsExactly("timestamp.json");
    Timestamp t = repo.writer.timestamp().signed();
    assertThat(t.version()).isEqualTo(2);
    assertThat(t.snapshotMeta().version()).isEqualTo(1);
    assertThat(t.expires()).isEqualTo(repo.clock.instant().plus(Duration.ofDays(1)));

    repo.clock.advance(Duration.ofDays(30));
    assertThat(paths(repo.writer.refresh(Duration.ofHours(1))))
        .containsExactly("2.snapshot.json", "timestamp.json");
  }

  @Test
  void rotatesRootWithAnOfflineKeyThroughExportedDraftsAndDetachedSignatures() throws Exception {
    // the service holds only the online keys; root1 and the new root key are offline
    RepositoryWriter online =
        RepositoryWriter.open(
            repo.clock,
            TestRepo.EXPIRIES,
            List.of(repo.targets1, repo.snapshot1, repo.timestamp1),
            List.of(repo.read("1.root.json")),
            repo.read("1.targets.json"),
            repo.read("1.snapshot.json"),
            repo.read("timestamp.json"),
            Map.of(
                "trusted_root.json", TestRepo.TRUSTED_ROOT,
                "signing_config.v0.2.json", TestRepo.SIGNING_CONFIG));
    TufSigner offlineNew = TestRepo.ecdsa();
    Metadata<Root> draft =
        online.draftRoot(
            TestRepo.roles(offlineNew, repo.targets1, repo.snapshot1, repo.timestamp1));
    assertThat(online.signWithAvailableKeys(draft).signatures()).isEmpty();
    byte[] exported = draft.toJson();

    // offline: parse the draft, sign its canonical bytes, export detached signatures
    Metadata<Root> offlineCopy = Metadata.parse(exported, Root.class);
    assertThat(offlineCopy.canonicalSigned()).isEqualTo(draft.canonicalSigned());
    byte[] sigOld = offlineCopy.sign(repo.root1).signatures().get(0).toJson();
    byte[] sigNew = offlineCopy.sign(offlineNew).signatures().get(0).toJson();

    // online again: only the new key's signature is not enough
    Metadata<Root> halfSigned = draft.withSignature(Signature.parse(sigNew));
    assertThatThrownBy(() -> online.publishRoot(halfSigned))
        .isInstanceOfSatisfying(
            TufException.class,
            e -> {
              assertThat(e.role()).isEqualTo(Role.ROOT);
              assertThat(e.reason()).isEqualTo(Reason.THRESHOLD_NOT_MET);
            })
        .hasMessageContaining("root version 1");
    assertThat(online.root().signed().version()).isEqualTo(1);

    Publication p = online.publishRoot(halfSigned.withSignature(Signature.parse(sigOld)));
    assertThat(paths(p))
        .containsExactly("2.root.json", "2.targets.json", "2.snapshot.json", "timestamp.json");
    assertThat(online.root().signed().version()).isEqualTo(2);
    assertThat(online.root().signed().keys()).containsKey(offlineNew.keyId());
  }

  @Test
  void extendsTheRootExpiryWithTheSameKeys() throws Exception {
    repo.clock.advance(Duration.ofDays(300));
    Publication p =
        repo.writer.publishRoot(
            repo.writer.signWithAvailableKeys(repo.writer.draftRoot(repo.writer.currentRoles())));

    Root v2 = repo.writer.root().signed();
    assertThat(paths(p)).startsWith("2.root.json");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.expires()).isEqualTo(repo.clock.instant().plus(Duration.ofDays(365)));
    Root v1 = Metadata.parse(repo.read("1.root.json"), Root.class).signed();
    assertThat(v2.keys()).isEqualTo(v1.keys());
    assertThat(v2.roles()).isEqualTo(v1.roles());
  }

  @Test
  void refusesARootSignedOnlyByTheOldKeys() throws Exception {
    TufSigner next = TestRepo.ecdsa();
    Metadata<Root> draft =
        repo.writer
            .draftRoot(TestRepo.roles(next, repo.targets1, repo.snapshot1, repo.timestamp1))
            .sign(repo.root1);
    assertThatThrownBy(() -> repo.writer.publishRoot(draft))
        .isInstanceOfSatisfying(
            TufException.class, e -> assertThat(e.reason()).isEqualTo(Reason.THRESHOLD_NOT_MET))
        .hasMessageContaining("root version 2");
  }

  @Test
  void refusesToRotateToKeysItCannotSignTheOnlineRolesWith() throws Exception {
    TufSigner unknownTimestampKey = TestRepo.ed25519();
    Metadata<Root> draft =
        repo.writer
            .draftRoot(
                TestRepo.roles(repo.root1, repo.targets1, repo.snapshot1, unknownTimestampKey))
            .sign(repo.root1);
    assertThatThrownBy(() -> repo.writer.publishRoot(draft))
        .isInstanceOfSatisfying(
            TufException.class,
            e -> {
              assertThat(e.role()).isEqualTo(Role.TIMESTAMP);
              assertThat(e.reason()).isEqualTo(Reason.THRESHOLD_NOT_MET);
            });
    // nothing changed
    assertThat(repo.writer.root().signed().version()).isEqualTo(1);
    assertThat(repo.writer.timestamp().signed().version()).isEqualTo(1);
    assertThat(repo.writer.targets().signed().version()).isEqualTo(1);
  }

  @Test
  void reopensFromItsFilesAndContinuesTheVersions() throws Exception {
    repo.publish(repo.writer.putTargets(Map.of("a", new byte[] {7})));
    RepositoryWriter reopened =
        RepositoryWriter.open(
            repo.clock,
            TestRepo.EXPIRIES,
            List.of(repo.root1, repo.targets1, repo.snapshot1, repo.timestamp1),
            List.of(repo.read("1.root.json")),
            repo.read("2.targets.json"),
            repo.read("2.snapshot.json"),
            repo.read("timestamp.json"),
            Map.of(
                "trusted_root.json", TestRepo.TRUSTED_ROOT,
                "signing_config.v0.2.json", TestRepo.SIGNING_CONFIG,
                "a", new byte[] {7}));
    assertThat(paths(reopened.putTargets(Map.of("b", new byte[] {8}))))
        .contains("3.targets.json", "3.snapshot.json");

    assertThatThrownBy(
            () ->
                RepositoryWriter.open(
                    repo.clock,
                    TestRepo.EXPIRIES,
                    List.of(),
                    List.of(repo.read("1.root.json")),
                    repo.read("2.targets.json"),
                    repo.read("2.snapshot.json"),
                    repo.read("timestamp.json"),
                    Map.of("a", new byte[] {9})))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessageContaining("target contents do not match");
  }

  @Test
  void writesEveryFileAtomicallyUnderTheRepositoryDirectory() throws Exception {
    Path out = tmp.resolve("published");
    repo.writer.allFiles().writeTo(out);
    for (PublishedFile f : repo.writer.allFiles().files()) {
      assertThat(Files.readAllBytes(out.resolve(f.path()))).isEqualTo(f.bytes());
    }
    try (var s = Files.walk(out)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith(".tmp-"))).isEmpty();
    }
  }

  @Test
  void signaturesVerifyUnderTheRootThatListsTheKeys() throws Exception {
    Root root = repo.writer.root().signed();
    root.verifySignatures(Role.ROOT, repo.writer.root());
    root.verifySignatures(Role.TARGETS, repo.writer.targets());
    root.verifySignatures(Role.SNAPSHOT, repo.writer.snapshot());
    root.verifySignatures(Role.TIMESTAMP, repo.writer.timestamp());
    // and not under the wrong role
    assertThatThrownBy(() -> root.verifySignatures(Role.TIMESTAMP, repo.writer.targets()))
        .isInstanceOf(TufException.class);
    assertThat(repo.writer.root().signed().expires())
        .isAfter(Instant.parse("2026-12-31T00:00:00Z"));
  }
}
