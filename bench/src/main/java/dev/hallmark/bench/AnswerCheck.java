package dev.hallmark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.core.json.Jcs;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.core.note.NoteVerifierSet;
import dev.hallmark.testkit.LoggedEntry;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a sampled 201 answer to an entry request. Implementations are thread-safe; a failed check
 * throws with what is wrong.
 */
interface AnswerCheck {
  ObjectMapper MAPPER = new ObjectMapper();

  /**
   * @param request the request body that was posted
   * @param answer the 201 answer's body
   */
  void check(byte[] request, byte[] answer) throws Exception;

  /** What is checked, for error messages. */
  default String what() {
    return "inclusion proof, checkpoint or SET";
  }

  /** Rekor v2: the inclusion proof of the canonical body against the answer's root hash. */
  static AnswerCheck v2() {
    return (request, answer) -> {
      JsonNode json = MAPPER.readTree(answer);
      JsonNode proof = json.get("inclusionProof");
      List<Hash> hashes = new ArrayList<>();
      for (JsonNode h : proof.path("hashes")) {
        hashes.add(Hash.fromBase64(h.asText()));
      }
      new LoggedEntry(
              Long.parseLong(json.get("logIndex").asText()),
              Long.parseLong(proof.get("treeSize").asText()),
              Hash.fromBase64(proof.get("rootHash").asText()),
              hashes,
              proof.get("checkpoint").get("envelope").asText(),
              Base64.getDecoder().decode(json.get("canonicalizedBody").asText()))
          .verifyInclusion();
    };
  }

  /**
   * Rekor v1, as sigstore clients check a LogEntry: the body carries the request's digest, the
   * entry ID ends in the body's leaf hash, the log ID is the log key's, the signed entry timestamp
   * (ECDSA over the JCS of body, integratedTime, logID, logIndex) verifies with the log key, the
   * checkpoint ({@code localhost - <treeID>}, signed by the log key as {@code localhost}) verifies
   * and has the proof's size and root, and the inclusion proof puts the body at its index in that
   * tree.
   *
   * @param logKeyPem the v1 log's public key (PEM, as in {@code rekor-v1-log.pub})
   */
  static AnswerCheck v1(String logKeyPem) throws KeyParseException, UnsupportedKeyException {
    PublicKey logKey =
        PublicKeys.parseSpki(PublicKeys.parsePemBlocks(logKeyPem, "PUBLIC KEY").get(0));
    String logId = HexFormat.of().formatHex(PublicKeys.sha256Spki(logKey));
    SignatureVerifier set = Verifiers.create(logKey, KeyDetails.PKIX_ECDSA_P256_SHA_256);
    NoteVerifierSet checkpoints =
        new NoteVerifierSet(List.of(NoteKeys.ecdsaVerifier("localhost", logKey)));
    return (request, answer) -> {
      JsonNode logEntry = MAPPER.readTree(answer);
      if (logEntry.size() != 1) {
        throw new IllegalStateException("LogEntry with " + logEntry.size() + " entries");
      }
      String entryId = logEntry.fieldNames().next();
      JsonNode e = logEntry.get(entryId);
      byte[] body = Base64.getDecoder().decode(e.get("body").asText());
      String wanted = hashValue(MAPPER.readTree(request));
      if (!wanted.equals(hashValue(MAPPER.readTree(body)))) {
        throw new IllegalStateException("body is not of the request (digest " + wanted + ")");
      }
      Hash leaf = Rfc6962.leafHash(body);
      if (!entryId.endsWith(leaf.hex())) {
        throw new IllegalStateException("entry ID " + entryId + " is not of the body");
      }
      if (!logId.equals(e.get("logID").asText())) {
        throw new IllegalStateException("logID " + e.get("logID").asText() + ", expected " + logId);
      }
      ObjectNode signed = MAPPER.createObjectNode();
      signed.put("body", e.get("body").asText());
      signed.put("integratedTime", e.get("integratedTime").asLong());
      signed.put("logID", e.get("logID").asText());
      signed.put("logIndex", e.get("logIndex").asLong());
      JsonNode verification = e.get("verification");
      set.verify(
          Jcs.canonicalize(signed),
          Base64.getDecoder().decode(verification.get("signedEntryTimestamp").asText()));
      JsonNode proof = verification.get("inclusionProof");
      Checkpoint cp =
          Checkpoint.parse(checkpoints.verify(proof.get("checkpoint").asText()).note().text());
      long treeSize = proof.get("treeSize").asLong();
      Hash root = Hash.fromHex(proof.get("rootHash").asText());
      if (!cp.origin().startsWith("localhost - ")
          || cp.size() != treeSize
          || !cp.rootHash().equals(root)) {
        throw new IllegalStateException(
            "checkpoint " + cp.origin() + " " + cp.size() + " does not match the proof");
      }
      long index = proof.get("logIndex").asLong();
      if (index != e.get("logIndex").asLong()) {
        throw new IllegalStateException("proof index " + index + " is not the entry's");
      }
      List<Hash> hashes = new ArrayList<>();
      for (JsonNode h : proof.path("hashes")) {
        hashes.add(Hash.fromHex(h.asText()));
      }
      MerkleVerifier.verifyInclusion(index, treeSize, leaf, hashes, root);
    };
  }

  private static String hashValue(JsonNode hashedRekord) {
    return hashedRekord.path("spec").path("data").path("hash").path("value").asText();
  }
}
