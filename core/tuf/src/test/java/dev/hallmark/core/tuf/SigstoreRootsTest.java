package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hallmark.core.crypto.SignatureCheckException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real Sigstore seed roots from sigstore-java's jar (see the resources' SOURCE.md). */
class SigstoreRootsTest {

  static byte[] resource(String path) throws IOException {
    try (InputStream in = SigstoreRootsTest.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IOException("missing test resource " + path);
      }
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "sigstore-tuf-roots/public/root.json, 10, 2025-02-19T08:04:32Z, 3, 5, 10, 5",
    "sigstore-tuf-roots/staging/root.json, 10, 2025-03-07T07:44:40Z, 2, 4, 4, 2",
    "sigstore-tuf-roots/public-v16/root.json, 16, 2027-04-22T19:27:31Z, 3, 5, 5, 5"
  })
  void parsesAndVerifiesTheRealRoot(
      String path,
      long version,
      String expires,
      int threshold,
      int rootKeys,
      int signatures,
      int verifying)
      throws Exception {
    Metadata<Root> root = Metadata.parse(resource(path), Root.class);

    assertThat(root.signed().version()).isEqualTo(version);
    assertThat(root.signed().expires()).isEqualTo(Instant.parse(expires));
    assertThat(root.signed().consistentSnapshot()).isTrue();
    assertThat(root.signed().roleKeys(Role.ROOT).threshold()).isEqualTo(threshold);
    assertThat(root.signed().roleKeys(Role.ROOT).keyIds()).hasSize(rootKeys);
    assertThat(root.signatures()).hasSize(signatures);
    // the root is signed by its own root role over OLPC canonical JSON
    root.signed().verifySignatures(Role.ROOT, root);
    assertThat(verifyingSignatures(root)).hasSize(verifying);
  }

  @ParameterizedTest
  @CsvSource({
    "sigstore-tuf-roots/public/root.json",
    "sigstore-tuf-roots/staging/root.json",
    "sigstore-tuf-roots/public-v16/root.json"
  })
  void keyIdsAreTheHashOfTheCanonicalKeyObject(String path) throws Exception {
    Root root = Metadata.parse(resource(path), Root.class).signed();
    assertThat(root.keys()).isNotEmpty();
    for (Map.Entry<String, TufKey> e : root.keys().entrySet()) {
      assertThat(e.getValue().keyId()).isEqualTo(e.getKey());
      assertThat(e.getValue().keyType()).isEqualTo("ecdsa");
      assertThat(e.getValue().scheme()).isEqualTo("ecdsa-sha2-nistp256");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "sigstore-tuf-roots/public/root.json",
    "sigstore-tuf-roots/staging/root.json",
    "sigstore-tuf-roots/public-v16/root.json"
  })
  void aThresholdOneHigherThanTheValidSignaturesIsNotMet(String path) throws Exception {
    Metadata<Root> root = Metadata.parse(resource(path), Root.class);
    Root r = root.signed();
    int valid = verifyingSignatures(root).size();
    Map<Role, RoleKeys> roles = new java.util.EnumMap<>(r.roles());
    roles.put(Role.ROOT, new RoleKeys(r.roleKeys(Role.ROOT).keyIds(), valid + 1));
    Root stricter = new Root(r.specVersion(), r.version(), r.expires(), true, r.keys(), roles);

    assertThatThrownBy(() -> stricter.verifySignatures(Role.ROOT, root))
        .isInstanceOfSatisfying(
            TufException.class,
            e -> {
              assertThat(e.role()).isEqualTo(Role.ROOT);
              assertThat(e.reason()).isEqualTo(TufException.Reason.THRESHOLD_NOT_MET);
            })
        .hasMessageContaining("by " + valid + " distinct key(s)");
  }

  @Test
  void theClientTrustsTheRealRootUntilItExpires(@TempDir Path tmp) throws Exception {
    byte[] root = resource("sigstore-tuf-roots/public-v16/root.json");
    Path empty = Files.createDirectories(tmp.resolve("mirror"));
    for (String now : List.of("2026-11-26T00:00:00Z", "2027-04-22T19:27:31Z")) {
      TufClient client =
          TufClient.bootstrap(
              new DirectoryRemoteRepository(empty),
              tmp.resolve("cache"),
              Clock.fixed(Instant.parse(now), ZoneOffset.UTC),
              ClientLimits.DEFAULT,
              root);
      assertThat(client.trustedRoot().signed().version()).isEqualTo(16);
      TufException e = assertThrows(TufException.class, client::refresh);
      if (now.startsWith("2026")) {
        // root accepted (no 17.root.json), then nothing more to read
        assertThat(e.role()).isEqualTo(Role.TIMESTAMP);
        assertThat(e.reason()).isEqualTo(TufException.Reason.FETCH_FAILED);
      } else {
        assertThat(e.role()).isEqualTo(Role.ROOT);
        assertThat(e.reason()).isEqualTo(TufException.Reason.EXPIRED);
      }
    }
  }

  private static List<String> verifyingSignatures(Metadata<Root> root) throws Exception {
    List<String> ok = new ArrayList<>();
    for (Signature s : root.signatures()) {
      TufKey key = root.signed().keys().get(s.keyId());
      if (key == null) {
        continue;
      }
      try {
        key.verifier().verify(root.canonicalSigned(), s.bytes());
        ok.add(s.keyId());
      } catch (SignatureCheckException e) {
        // a signature by an earlier root's key material that does not verify here
      }
    }
    return ok;
  }
}
