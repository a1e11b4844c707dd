package dev.hallmark.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.tuf.ClientLimits;
import dev.hallmark.core.tuf.Expiries;
import dev.hallmark.core.tuf.RemoteRepository;
import dev.hallmark.core.tuf.Role;
import dev.hallmark.core.tuf.RoleSetup;
import dev.hallmark.core.tuf.TufClient;
import dev.hallmark.core.tuf.TufSigner;
import dev.hallmark.testing.postgres.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository on real PostgreSQL: created once, targets re-published only when they change,
 * re-signed before expiry, root rotated online and with an offline-signed draft; Hallmark's own TUF
 * client, seeded with root version 1, follows every change without being re-seeded.
 */
class TrustRepositoryTest {
  static HikariDataSource db;
  static final SecureRandom RANDOM = new SecureRandom();
  static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

  @TempDir Path cache;

  @BeforeAll
  static void database() {
    db = TestPostgres.fresh("trust");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static TufSigner key() throws Exception {
    return TufSigner.of(
        Signers.create(
            Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM),
            KeyDetails.PKIX_ECDSA_P256_SHA_256));
  }

  static Map<Role, RoleSetup> roles(TufSigner root, TufSigner online) {
    Map<Role, RoleSetup> roles = new EnumMap<>(Role.class);
    roles.put(Role.ROOT, RoleSetup.single(root.key()));
    for (Role r : List.of(Role.TARGETS, Role.SNAPSHOT, Role.TIMESTAMP)) {
      roles.put(r, RoleSetup.single(online.key()));
    }
    return roles;
  }

  static Map<String, byte[]> targets(String version) {
    return Map.of(
        "trusted_root.json", ("{\"v\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8),
        "signing_config.v0.2.json", "{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void publishesRefreshesRotatesAndTheClientFollows() throws Exception {
    TufStore store = new SqlTufStore(db);
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    TufSigner root1 = key();
    TufSigner online = key();
    TrustRepository repo =
        new TrustRepository(store, List.of(root1, online), clock, Expiries.DEFAULT);
    assertThat(repo.status()).isEmpty();
    TrustRepository.Status s = repo.publish(roles(root1, online), targets("a"));
    assertThat(s.rootVersion()).isEqualTo(1);
    assertThat(s.targets()).containsExactly("signing_config.v0.2.json", "trusted_root.json");
    byte[] seed = repo.file("1.root.json").orElseThrow();

    // the same targets again: nothing new; a changed one: targets, snapshot, timestamp bumped
    assertThat(repo.publish(roles(root1, online), targets("a")).targetsVersion()).isEqualTo(1);
    s = repo.publish(roles(root1, online), targets("b"));
    assertThat(s.targetsVersion()).isEqualTo(2);
    assertThat(s.timestampVersion()).isEqualTo(2);

    // a client seeded with root 1 gets the current target
    RemoteRepository remote =
        (path, max) -> {
          try {
            return store.read(path);
          } catch (TrustStoreException e) {
            throw new java.io.IOException(e);
          }
        };
    TufClient client = TufClient.bootstrap(remote, cache, clock, ClientLimits.DEFAULT, seed);
    client.refresh();
    assertThat(new String(client.target("trusted_root.json"), StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":\"b\"}");

    // six days later the timestamp (7 days) is due within a 2-day margin, snapshot is not
    Clock later = Clock.fixed(T0.plus(Duration.ofDays(6)), ZoneOffset.UTC);
    TrustRepository repoLater =
        new TrustRepository(store, List.of(root1, online), later, Expiries.DEFAULT);
    s = repoLater.refresh(Duration.ofDays(2));
    assertThat(s.timestampVersion()).isEqualTo(3);
    assertThat(s.snapshotVersion()).isEqualTo(2);
    assertThat(repoLater.refresh(Duration.ofDays(2)).timestampVersion()).isEqualTo(3);

    // rotation 1, online: a new root key and a new online key
    TufSigner root2 = key();
    TufSigner online2 = key();
    TrustRepository both =
        new TrustRepository(store, List.of(root1, root2, online, online2), later, Expiries.DEFAULT);
    s = both.rotateRoot(roles(root2, online2));
    assertThat(s.rootVersion()).isEqualTo(2);

    // rotation 2, offline: the draft is signed by root 2 (the old) and root 3 (the new) elsewhere
    TufSigner root3 = key();
    TrustRepository onlineOnly =
        new TrustRepository(store, List.of(online2), later, Expiries.DEFAULT);
    byte[] draft = onlineOnly.draftRoot(roles(root3, online2));
    assertThatThrownBy(() -> onlineOnly.importRoot(draft))
        .isInstanceOf(TrustException.class)
        .hasMessageContaining("root");
    byte[] signed =
        dev.hallmark.core.tuf.Metadata.parse(draft, dev.hallmark.core.tuf.Root.class)
            .sign(root2)
            .sign(root3)
            .toJson();
    s = onlineOnly.importRoot(signed);
    assertThat(s.rootVersion()).isEqualTo(3);
    // the old online key no longer signs anything: the new root lists only online2
    s = onlineOnly.publish(roles(root3, online2), targets("c"));
    assertThat(s.targetsVersion()).isGreaterThan(2);

    TufClient again =
        TufClient.bootstrap(
            remote,
            cache,
            Clock.fixed(T0.plus(Duration.ofDays(6)), ZoneOffset.UTC),
            ClientLimits.DEFAULT,
            seed);
    again.refresh();
    assertThat(again.trustedRoot().signed().version()).isEqualTo(3);
    assertThat(new String(again.target("trusted_root.json"), StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":\"c\"}");
  }

  @Test
  void aPublishedVersionedFileIsNeverRewritten() throws Exception {
    SqlTufStore store = new SqlTufStore(TestPostgres.fresh("trust"));
    store.change(
        files ->
            new TufStore.Result<>(
                new dev.hallmark.core.tuf.Publication(
                    List.of(
                        new dev.hallmark.core.tuf.PublishedFile("1.root.json", new byte[] {1}))),
                null));
    assertThatThrownBy(
            () ->
                store.change(
                    files ->
                        new TufStore.Result<>(
                            new dev.hallmark.core.tuf.Publication(
                                new ArrayList<>(
                                    List.of(
                                        new dev.hallmark.core.tuf.PublishedFile(
                                            "1.root.json", new byte[] {2})))),
                            null)))
        .isInstanceOf(TrustStoreException.class);
    assertThat(store.read("1.root.json")).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
    assertThat(store.read("2.root.json")).isEqualTo(Optional.empty());
  }
}
