package dev.hallmark.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteKeys;
import java.nio.file.Files;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A single Rekor v2 answer (the entry of {@code rekor2-happy-path}) against the staging v2 log's
 * key from the case's trusted root: name {@code log2025-alpha1.rekor.sigstage.dev}, tree size 736.
 */
class LogEntryVerifierTest {
  private static final String NAME = "log2025-alpha1.rekor.sigstage.dev";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode entry;
  private static LogEntryVerifier verifier;

  @BeforeAll
  static void load() throws Exception {
    JsonNode bundle =
        JSON.readTree(
            Files.readAllBytes(
                ConformanceCase.DIR.resolve(
                    "bundle-verify/rekor2-happy-path/bundle.sigstore.json")));
    entry = bundle.at("/verificationMaterial/tlogEntries/0");
    JsonNode root =
        JSON.readTree(
            Files.readAllBytes(
                ConformanceCase.DIR.resolve("bundle-verify/rekor2-happy-path/trusted_root.json")));
    JsonNode v2 = root.get("tlogs").get(1);
    assertThat(v2.get("baseUrl").asText()).isEqualTo("https://" + NAME);
    PublicKey key =
        PublicKeys.parseSpki(Base64.getDecoder().decode(v2.at("/publicKey/rawBytes").asText()));
    byte[] logId = Base64.getDecoder().decode(v2.at("/logId/keyId").asText());
    assertThat(NoteKeys.keyHash(NAME, key)).isEqualTo(logId);
    verifier =
        new LogEntryVerifier(List.of(new TrustedLog(NoteKeys.verifierFor(NAME, key), logId)));
  }

  @Test
  void verifiesTheEntryAgainstItsCheckpoint() throws Exception {
    Checkpoint cp = verifier.verify(LogEntry.fromJson(entry));
    assertThat(cp.origin()).isEqualTo(NAME);
    assertThat(cp.size()).isEqualTo(736);
    assertThat(cp.rootHash().base64()).isEqualTo("rs1YPY0ydAV0lxgfrq5pE4oRpUJwo3syeps5+eGUTDI=");
  }

  @Test
  void refusesAnotherBody() throws Exception {
    ObjectNode tampered = entry.deepCopy();
    tampered.put("canonicalizedBody", Base64.getEncoder().encodeToString("{}".getBytes()));
    assertThatThrownBy(() -> verifier.verify(LogEntry.fromJson(tampered)))
        .isInstanceOf(VerificationException.class)
        .hasMessageStartingWith("inclusion proof: entry 735 does not prove the entry");
  }

  @Test
  void refusesAnotherLog() throws Exception {
    ObjectNode other = entry.deepCopy();
    ((ObjectNode) other.get("logId"))
        .put("keyId", Base64.getEncoder().encodeToString(new byte[32]));
    assertThatThrownBy(() -> verifier.verify(LogEntry.fromJson(other)))
        .isInstanceOf(VerificationException.class)
        .hasMessage("entry is from a log that is not trusted");
  }
}
