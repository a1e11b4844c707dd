package dev.hallmark.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.merkle.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sigstore-conformance {@code rekor2-checkpoint-*} cases and the §5.5 worked example. */
class ConformanceCheckpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIR = "/sigstore-conformance/";

  static JsonNode json(String path) throws IOException {
    try (InputStream in = ConformanceCheckpointTest.class.getResourceAsStream(DIR + path)) {
      assertThat(in).as(path).isNotNull();
      return JSON.readTree(in);
    }
  }

  /** The trusted root's tlog with {@code baseUrl}, as (name, key, logId). */
  record Log(String name, PublicKey key, byte[] logId) {
    static Log from(JsonNode root, String baseUrl) throws Exception {
      for (JsonNode t : root.get("tlogs")) {
        if (t.get("baseUrl").asText().equals(baseUrl)) {
          return new Log(
              URI.create(baseUrl).getHost(),
              PublicKeys.parseSpki(
                  Base64.getDecoder().decode(t.get("publicKey").get("rawBytes").asText())),
              Base64.getDecoder().decode(t.get("logId").get("keyId").asText()));
        }
      }
      throw new AssertionError("no tlog " + baseUrl);
    }
  }

  @Test
  void publicGoodLog2025KeyIdIsTheC2spKeyHash() throws Exception {
    Log log =
        Log.from(json("public-good-trusted_root.json"), "https://log2025-1.rekor.sigstore.dev");
    assertThat(log.name()).isEqualTo("log2025-1.rekor.sigstore.dev");
    assertThat(Base64.getEncoder().encodeToString(NoteKeys.keyHash(log.name(), log.key())))
        .isEqualTo("zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A=");
    NoteVerifier v = NoteKeys.verifierFor(log.name(), log.key());
    assertThat(String.format("%08x", v.keyId())).isEqualTo("cf119915");
  }

  @Test
  void publicGoodRekorV1EcdsaKeyHashIsTheSpkiHash() throws Exception {
    Log log = Log.from(json("public-good-trusted_root.json"), "https://rekor.sigstore.dev");
    assertThat(NoteKeys.keyHash(log.name(), log.key())).isEqualTo(log.logId());
    assertThat(NoteKeys.keyHash("any-name", log.key())).isEqualTo(log.logId());
  }

  private static Log stagingLog() throws Exception {
    Log log =
        Log.from(json("staging-trusted_root.json"), "https://log2025-alpha1.rekor.sigstage.dev");
    assertThat(NoteKeys.keyHash(log.name(), log.key())).isEqualTo(log.logId());
    return log;
  }

  private static JsonNode entry(String c) throws IOException {
    return json(c + "/bundle.sigstore.json").get("verificationMaterial").get("tlogEntries").get(0);
  }

  /** What a bundle verifier does: verify the note with the log key, then parse the body. */
  private static Checkpoint verifyCheckpoint(String envelope, Log log)
      throws NoteFormatException, NoteVerificationException {
    NoteVerifierSet set = new NoteVerifierSet(List.of(NoteKeys.verifierFor(log.name(), log.key())));
    VerifiedNote verified = set.verify(envelope);
    assertThat(verified.verified()).hasSize(1);
    assertThat(verified.verified().get(0).name()).isEqualTo(log.name());
    return Checkpoint.parse(verified.note().text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rekor2-checkpoint-cosigned",
        "rekor2-checkpoint-multiple-cosigs",
        "rekor2-checkpoint-origin-not-first",
        "rekor2-checkpoint-two-sigs-cosigned",
        "rekor2-checkpoint-two-sigs-from-origin"
      })
  void happyCheckpointsVerify(String c) throws Exception {
    Log log = stagingLog();
    JsonNode proof = entry(c).get("inclusionProof");
    String envelope = proof.get("checkpoint").get("envelope").asText();
    Checkpoint cp = verifyCheckpoint(envelope, log);
    assertThat(cp.origin()).isEqualTo(log.name());
    assertThat(cp.size()).isEqualTo(proof.get("treeSize").asLong());
    assertThat(cp.rootHash()).isEqualTo(Hash.fromBase64(proof.get("rootHash").asText()));
    assertThat(cp.extensions()).isEmpty();
    // Byte-exact re-serialization.
    assertThat(SignedNote.parse(envelope).format()).isEqualTo(envelope);
    assertThat(cp.body()).isEqualTo(SignedNote.parse(envelope).text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rekor2-checkpoint-missing-log-signature_fail",
        "rekor2-checkpoint-missing-origin_fail",
        "rekor2-checkpoint-missing-root-hash_fail",
        "rekor2-checkpoint-missing-size_fail",
        "rekor2-checkpoint-no-matching-signature_fail"
      })
  void failingCheckpointsAreRejected(String c) throws Exception {
    Log log = stagingLog();
    String envelope = entry(c).get("inclusionProof").get("checkpoint").get("envelope").asText();
    assertThatThrownBy(() -> verifyCheckpoint(envelope, log))
        .isInstanceOfAny(NoteFormatException.class, NoteVerificationException.class);
  }

  /** The body defects are caught by the checkpoint parser on its own, signature aside. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "rekor2-checkpoint-missing-origin_fail",
        "rekor2-checkpoint-missing-root-hash_fail",
        "rekor2-checkpoint-missing-size_fail"
      })
  void bodyDefectsFailCheckpointParsing(String c) throws Exception {
    String envelope = entry(c).get("inclusionProof").get("checkpoint").get("envelope").asText();
    String text = SignedNote.parse(envelope).text();
    assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(NoteFormatException.class);
  }

  @Test
  void missingLogSignatureIsAFormatError() throws Exception {
    String envelope =
        entry("rekor2-checkpoint-missing-log-signature_fail")
            .get("inclusionProof")
            .get("checkpoint")
            .get("envelope")
            .asText();
    assertThatThrownBy(() -> SignedNote.parse(envelope))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("no signature lines");
  }

  @Test
  void noMatchingSignatureNamesTheSigners() throws Exception {
    Log log = stagingLog();
    String envelope =
        entry("rekor2-checkpoint-no-matching-signature_fail")
            .get("inclusionProof")
            .get("checkpoint")
            .get("envelope")
            .asText();
    assertThatThrownBy(() -> verifyCheckpoint(envelope, log))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageContaining("no signature by a known key")
        .hasMessageContaining("log2025-alpha1.rekor.github.dev+f30d5a99");
  }
}
