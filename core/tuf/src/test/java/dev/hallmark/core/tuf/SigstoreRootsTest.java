package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.SignatureCheckException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    "sigstore-tuf-roots/staging/root.json, 10, 2025-03-07T07:44:40Z, 2, 4, 4, 2"
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
  @CsvSource({"sigstore-tuf-roots/public/root.json", "sigstore-tuf-roots/staging/root.json"})
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
  @CsvSource({"sigstore-tuf-roots/public/root.json", "sigstore-tuf-roots/staging/root.json"})
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
