package dev.hallmark.tlog;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.core.note.NoteSigner;
import dev.hallmark.core.note.NoteVerifierSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/** Helpers shared by the engine tests: keys, engines, and checks of what a log returns. */
final class LogFixture {
  static final String ORIGIN = "log.example.test";
  static final KeyPair KEY = Signers.generate(KeyDetails.PKIX_ED25519, new SecureRandom());
  static final NoteSigner SIGNER = NoteKeys.ed25519(ORIGIN, KEY);

  private LogFixture() {}

  static LogSettings settings() {
    return new LogSettings(
        200, Duration.ofMillis(5), Duration.ofMillis(1500), 20_000, 64, Duration.ofSeconds(20));
  }

  static LogEngine engine(DataSource ds, String process) {
    return new LogEngine(
        ds,
        new SimpleMeterRegistry(),
        process,
        Executors.newFixedThreadPool(2),
        java.time.Clock.systemUTC(),
        new java.util.Random(42));
  }

  static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The checks a client makes: signed checkpoint, matching size and root, inclusion proof. */
  static void verify(Appended a) throws Exception {
    NoteVerifierSet verifiers =
        new NoteVerifierSet(List.of(NoteKeys.ed25519Verifier(ORIGIN, KEY.getPublic())));
    var verified = verifiers.verify(a.checkpoint().checkpoint());
    Checkpoint cp = Checkpoint.parse(verified.note().text());
    if (cp.size() != a.checkpoint().size() || !cp.rootHash().equals(a.checkpoint().rootHash())) {
      throw new AssertionError("checkpoint note does not match the snapshot");
    }
    Hash leaf = Rfc6962.leafHash(a.body());
    MerkleVerifier.verifyInclusion(a.index(), cp.size(), leaf, a.inclusionProof(), cp.rootHash());
  }
}
