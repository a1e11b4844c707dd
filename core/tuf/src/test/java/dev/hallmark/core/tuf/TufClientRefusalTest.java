package dev.hallmark.core.tuf;

import static dev.hallmark.core.tuf.TufClientTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.tuf.TufException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every attack TUF §5 defends against, role by role, against a repository written by {@link
 * RepositoryWriter} and served over loopback HTTP: each refusal names its role and reason.
 */
class TufClientRefusalTest {
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

  // ---- root ----

  @Test
  void refusesRootRollback() throws Exception {
    repo.write("2.root.json", repo.read("1.root.json"));
    TufException e = refused(repo.client(), Role.ROOT, Reason.ROLLBACK);
    assertThat(e).hasMessageContaining("holds version 1, expected 2");
  }

  @Test
  void refusesANewRootNotSignedByTheTrustedRootThreshold() throws Exception {
    TufSigner attacker = TestRepo.ecdsa();
    Metadata<Root> v2 =
        repo.writer
            .draftRoot(TestRepo.roles(attacker, repo.targets1, repo.snapshot1, repo.timestamp1))
            .sign(attacker);
    repo.serve(v2);
    TufClient client = repo.client();
    TufException e = refused(client, Role.ROOT, Reason.THRESHOLD_NOT_MET);
    assertThat(e).hasMessageContaining("root version 1");
    assertThat(client.trustedRoot().signed().version()).isEqualTo(1);
  }

  @Test
  void refusesANewRootNotSignedByItsOwnThreshold() throws Exception {
    TufSigner root2 = TestRepo.ecdsa();
    Metadata<Root> v2 =
        repo.writer
            .draftRoot(TestRepo.roles(root2, repo.targets1, repo.snapshot1, repo.timestamp1))
            .sign(repo.root1);
    repo.serve(v2);
    TufException e = refused(repo.client(), Role.ROOT, Reason.THRESHOLD_NOT_MET);
    assertThat(e).hasMessageContaining("root version 2");
  }

  @Test
  void refusesAnExpiredRoot() throws Exception {
    repo.clock.advance(Duration.ofDays(366));
    refused(repo.client(), Role.ROOT, Reason.EXPIRED);
  }

  // ---- timestamp ----

  @Test
  void refusesTimestampRollback() throws Exception {
    byte[] old = repo.read("timestamp.json");
    TufClient client = repo.client();
    repo.publish(repo.writer.putTargets(Map.of("x", new byte[] {1})));
    client.refresh();
    repo.write("timestamp.json", old);
    TufException e = refused(client, Role.TIMESTAMP, Reason.ROLLBACK);
    assertThat(e).hasMessageContaining("version 1 is lower than the trusted version 2");
  }

  @Test
  void refusesATimestampListingAnOlderSnapshot() throws Exception {
    TufClient client = repo.client();
    repo.publish(repo.writer.putTargets(Map.of("x", new byte[] {1})));
    client.refresh();
    Timestamp current = repo.writer.timestamp().signed();
    repo.serve(
        Metadata.of(
                new Timestamp(
                    "1.0",
                    current.version() + 1,
                    current.expires(),
                    MetaFile.ofVersion(current.snapshotMeta().version() - 1)))
            .sign(repo.timestamp1));
    TufException e = refused(client, Role.TIMESTAMP, Reason.ROLLBACK);
    assertThat(e).hasMessageContaining("lists snapshot version 1, lower than the trusted 2");
  }

  @Test
  void refusesAnExpiredTimestamp() throws Exception {
    repo.clock.advance(Duration.ofDays(1));
    TufException e = refused(repo.client(), Role.TIMESTAMP, Reason.EXPIRED);
    assertThat(e).hasMessageContaining("expired at 2026-01-02T00:00:00Z");
  }

  @Test
  void refusesATimestampSignedByTheWrongKey() throws Exception {
    Timestamp current = repo.writer.timestamp().signed();
    repo.serve(Metadata.of(current).sign(TestRepo.ed25519()));
    refused(repo.client(), Role.TIMESTAMP, Reason.THRESHOLD_NOT_MET);
  }

  @Test
  void refusesAnEndlessTimestamp() throws Exception {
    repo.write("timestamp.json", new byte[16_385]);
    refused(repo.client(), Role.TIMESTAMP, Reason.LENGTH_MISMATCH);
  }

  @Test
  void refusesAMissingTimestamp() throws Exception {
    Files.delete(repo.repoDir.resolve("timestamp.json"));
    TufException e = refused(repo.client(), Role.TIMESTAMP, Reason.FETCH_FAILED);
    assertThat(e).hasMessageContaining("timestamp.json is not on the remote");
  }

  // ---- snapshot ----

  @Test
  void refusesASnapshotThatRollsBackTargets() throws Exception {
    TufClient client = repo.client();
    repo.publish(repo.writer.putTargets(Map.of("x", new byte[] {1})));
    client.refresh();
    Snapshot s = repo.writer.snapshot().signed();
    Metadata<Snapshot> bad =
        Metadata.of(
                new Snapshot(
                    "1.0",
                    s.version() + 1,
                    s.expires(),
                    Map.of(Snapshot.TARGETS_JSON, MetaFile.ofVersion(1))))
            .sign(repo.snapshot1);
    repo.serve(bad);
    repo.serveTimestamp(MetaFile.describing(bad.signed().version(), bad.toJson()));
    TufException e = refused(client, Role.SNAPSHOT, Reason.ROLLBACK);
    assertThat(e)
        .hasMessageContaining("lists targets.json version 1")
        .hasMessageContaining("version 2");
  }

  /**
   * A client that trusted version 2 of everything, then lost {@code forgotten} from its cache,
   * while the repository serves version 1's timestamp again (a rollback).
   */
  private TufClient clientFacingAnOldTimestamp(String... forgotten) throws Exception {
    byte[] oldTimestamp = repo.read("timestamp.json");
    TufClient client = repo.client();
    repo.publish(repo.writer.putTargets(Map.of("x", new byte[] {1})));
    client.refresh();
    for (String f : forgotten) {
      Files.delete(repo.cacheDir.resolve(f));
    }
    repo.write("timestamp.json", oldTimestamp);
    return client;
  }

  @Test
  void refusesSnapshotRollbackEvenWithoutATrustedTimestamp() throws Exception {
    TufClient client = clientFacingAnOldTimestamp("timestamp.json");
    TufException e = refused(client, Role.SNAPSHOT, Reason.ROLLBACK);
    assertThat(e).hasMessageContaining("version 1 is lower than the trusted version 2");
  }

  @Test
  void refusesAnExpiredSnapshot() throws Exception {
    repo.clock.advance(Duration.ofDays(31));
    repo.serveTimestamp(MetaFile.describing(1, repo.writer.snapshot().toJson()));
    refused(repo.client(), Role.SNAPSHOT, Reason.EXPIRED);
  }

  @Test
  void refusesASnapshotWhoseHashDiffersFromTheTimestamp() throws Exception {
    byte[] snap = repo.read("1.snapshot.json");
    snap[snap.length - 2] = (byte) ' ';
    repo.write("1.snapshot.json", snap);
    refused(repo.client(), Role.SNAPSHOT, Reason.HASH_MISMATCH);
  }

  @Test
  void refusesASnapshotOfAnotherLengthThanTheTimestampSays() throws Exception {
    byte[] snap = repo.read("1.snapshot.json");
    // still the same JSON, one byte shorter: the trailing newline is gone
    repo.write("1.snapshot.json", Arrays.copyOf(snap, snap.length - 1));
    TufException e = refused(repo.client(), Role.SNAPSHOT, Reason.LENGTH_MISMATCH);
    assertThat(e)
        .hasMessageContaining("has " + (snap.length - 1) + " bytes, expected " + snap.length);
  }

  @Test
  void refusesMixAndMatchOfSnapshotVersions() throws Exception {
    repo.publish(repo.writer.putTargets(Map.of("x", new byte[] {1})));
    // timestamp (without hashes) names snapshot 3, but the file holds snapshot 2
    repo.write("3.snapshot.json", repo.read("2.snapshot.json"));
    repo.serveTimestamp(MetaFile.ofVersion(3));
    TufException e = refused(repo.client(), Role.SNAPSHOT, Reason.VERSION_MISMATCH);
    assertThat(e).hasMessageContaining("version 2 differs from version 3 that timestamp lists");
  }

  // ---- targets ----

  @Test
  void refusesTargetsRollbackWhenTheSnapshotCacheIsGone() throws Exception {
    TufClient client = clientFacingAnOldTimestamp("timestamp.json", "snapshot.json");
    TufException e = refused(client, Role.TARGETS, Reason.ROLLBACK);
    assertThat(e).hasMessageContaining("version 1 is lower than the trusted version 2");
  }

  @Test
  void refusesMixAndMatchOfTargetsVersions() throws Exception {
    repo.publish(repo.writer.putTargets(Map.of("x", new byte[] {1})));
    // a snapshot (without hashes) naming targets 3, whose file holds targets 2
    repo.write("3.targets.json", repo.read("2.targets.json"));
    Snapshot s = repo.writer.snapshot().signed();
    Metadata<Snapshot> snap =
        Metadata.of(
                new Snapshot(
                    "1.0",
                    s.version() + 1,
                    s.expires(),
                    Map.of(Snapshot.TARGETS_JSON, MetaFile.ofVersion(3))))
            .sign(repo.snapshot1);
    repo.serve(snap);
    repo.serveTimestamp(MetaFile.ofVersion(snap.signed().version()));
    TufException e = refused(repo.client(), Role.TARGETS, Reason.VERSION_MISMATCH);
    assertThat(e).hasMessageContaining("version 2 differs from version 3 that snapshot lists");
  }

  @Test
  void refusesTargetsWhoseHashDiffersFromTheSnapshot() throws Exception {
    repo.publish(repo.writer.putTargets(Map.of("x", new byte[] {1})));
    // same length, one character of the expiry changed
    String json = new String(repo.read("2.targets.json"), StandardCharsets.UTF_8);
    repo.write(
        "2.targets.json", json.replace("\"2026-", "\"2027-").getBytes(StandardCharsets.UTF_8));
    TufException e = refused(repo.client(), Role.TARGETS, Reason.HASH_MISMATCH);
    assertThat(e).hasMessageContaining("version 2: sha256 is");
  }

  @Test
  void refusesExpiredTargets() throws Exception {
    repo.clock.advance(Duration.ofDays(181));
    Snapshot s = repo.writer.snapshot().signed();
    Metadata<Snapshot> snap =
        Metadata.of(
                new Snapshot(
                    "1.0",
                    s.version() + 1,
                    repo.clock.instant().plus(Duration.ofDays(30)),
                    s.meta()))
            .sign(repo.snapshot1);
    repo.serve(snap);
    repo.serveTimestamp(MetaFile.describing(snap.signed().version(), snap.toJson()));
    refused(repo.client(), Role.TARGETS, Reason.EXPIRED);
  }

  @Test
  void refusesTargetsBelowTheThresholdAndCountsOneKeyOnce() throws Exception {
    // targets requires 2 signatures; the same key is listed under two key ids
    TufKey key = repo.targets1.key();
    TufKey alias =
        new TufKey(key.keyType(), key.scheme(), key.publicValue(), Map.of("x-alias", "true"));
    assertThat(alias.keyId()).isNotEqualTo(key.keyId());
    Map<Role, RoleSetup> roles =
        TestRepo.roles(repo.root1, repo.targets1, repo.snapshot1, repo.timestamp1);
    roles.put(Role.TARGETS, new RoleSetup(List.of(key, alias), 2));
    Metadata<Root> v2 = repo.writer.draftRoot(roles).sign(repo.root1);
    repo.serve(v2);
    // the targets file carries the one signature under both ids
    Metadata<Targets> t = repo.writer.targets();
    Signature sig = t.signatures().get(0);
    Metadata<Targets> twice = t.withSignature(new Signature(alias.keyId(), sig.hex()));
    assertThat(twice.signatures()).hasSize(2);
    repo.write("1.targets.json", twice.toJson());
    Metadata<Snapshot> snap =
        Metadata.of(
                new Snapshot(
                    "1.0",
                    2,
                    repo.writer.snapshot().signed().expires(),
                    Map.of(Snapshot.TARGETS_JSON, MetaFile.ofVersion(1))))
            .sign(repo.snapshot1);
    repo.serve(snap);
    repo.serveTimestamp(MetaFile.ofVersion(2));

    TufException e = refused(repo.client(), Role.TARGETS, Reason.THRESHOLD_NOT_MET);
    assertThat(e)
        .hasMessageContaining("by 1 distinct key(s)")
        .hasMessageContaining("threshold is 2");
  }

  @Test
  void refusesMetadataWithTwoSignaturesByOneKeyId() throws Exception {
    String json = new String(repo.read("1.targets.json"), StandardCharsets.UTF_8);
    Signature sig = repo.writer.targets().signatures().get(0);
    String entry = "{\"keyid\":\"" + sig.keyId() + "\",\"sig\":\"" + sig.hex() + "\"}";
    String twice =
        json.replaceFirst("\"signatures\"\\s*:\\s*\\[", "\"signatures\":[" + entry + ",");
    assertThat(twice).isNotEqualTo(json);
    repo.write("1.targets.json", twice.getBytes(StandardCharsets.UTF_8));
    // a snapshot without hashes, so the file gets as far as the parser
    Metadata<Snapshot> snap =
        Metadata.of(
                new Snapshot(
                    "1.0",
                    2,
                    repo.writer.snapshot().signed().expires(),
                    Map.of(Snapshot.TARGETS_JSON, MetaFile.ofVersion(1))))
            .sign(repo.snapshot1);
    repo.serve(snap);
    repo.serveTimestamp(MetaFile.ofVersion(2));
    TufException e = refused(repo.client(), Role.TARGETS, Reason.MALFORMED);
    assertThat(e).hasMessageContaining("more than one signature by key " + sig.keyId());
  }

  @Test
  void refusesATargetWhoseContentDoesNotMatch() throws Exception {
    TufClient client = repo.client();
    client.refresh();
    String path = repo.targetPath("trusted_root.json");
    byte[] evil = TestRepo.TRUSTED_ROOT.clone();
    evil[2] ^= 1;
    repo.write(path, evil);
    assertThatThrownBy(() -> client.target("trusted_root.json"))
        .isInstanceOfSatisfying(
            TufException.class,
            e -> {
              assertThat(e.role()).isEqualTo(Role.TARGETS);
              assertThat(e.reason()).isEqualTo(Reason.HASH_MISMATCH);
            })
        .hasMessageContaining("target trusted_root.json: sha256 is");
  }

  @Test
  void refusesATargetOfTheWrongLength() throws Exception {
    TufClient client = repo.client();
    client.refresh();
    String path = repo.targetPath("trusted_root.json");
    for (byte[] evil :
        List.of(
            Arrays.copyOf(TestRepo.TRUSTED_ROOT, TestRepo.TRUSTED_ROOT.length + 1),
            Arrays.copyOf(TestRepo.TRUSTED_ROOT, TestRepo.TRUSTED_ROOT.length - 1))) {
      repo.write(path, evil);
      assertThatThrownBy(() -> client.target("trusted_root.json"))
          .isInstanceOfSatisfying(
              TufException.class,
              e -> {
                assertThat(e.role()).isEqualTo(Role.TARGETS);
                assertThat(e.reason()).isEqualTo(Reason.LENGTH_MISMATCH);
              });
    }
  }

  @Test
  void refusesAnUnknownTarget() throws Exception {
    TufClient client = repo.client();
    assertThatThrownBy(() -> client.target("nope.json"))
        .isInstanceOfSatisfying(
            TufException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TARGET));
  }
}
