package dev.hallmark.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.merkle.Hash;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The parts of a {@code dev.sigstore.rekor.v1.TransparencyLogEntry} (protobuf JSON) that prove
 * inclusion: index, log ID, canonical body, and the inclusion proof with its checkpoint.
 */
public record LogEntry(
    long logIndex,
    byte[] logId,
    String kind,
    String version,
    byte[] canonicalizedBody,
    long proofIndex,
    long treeSize,
    Hash rootHash,
    List<Hash> hashes,
    String checkpoint) {

  /** Parses the JSON form; VerificationException naming the first missing or bad field. */
  public static LogEntry fromJson(JsonNode e) throws VerificationException {
    JsonNode proof = required(e, "inclusionProof");
    JsonNode kv = required(e, "kindVersion");
    List<Hash> hashes = new ArrayList<>();
    JsonNode list = proof.get("hashes");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new VerificationException("inclusionProof.hashes must be a list");
      }
      for (JsonNode h : list) {
        hashes.add(hash(h.asText(), "inclusionProof.hashes"));
      }
    }
    return new LogEntry(
        number(e, "logIndex"),
        bytes(required(e, "logId"), "keyId", "logId.keyId"),
        text(kv, "kind"),
        text(kv, "version"),
        bytes(e, "canonicalizedBody", "canonicalizedBody"),
        number(proof, "logIndex"),
        number(proof, "treeSize"),
        hash(text(proof, "rootHash"), "inclusionProof.rootHash"),
        hashes,
        text(required(proof, "checkpoint"), "envelope"));
  }

  private static JsonNode required(JsonNode node, String field) throws VerificationException {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || !v.isObject()) {
      throw new VerificationException("entry has no " + field);
    }
    return v;
  }

  private static String text(JsonNode node, String field) throws VerificationException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new VerificationException("entry field " + field + " is missing");
    }
    return v.textValue();
  }

  private static long number(JsonNode node, String field) throws VerificationException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return 0; // protobuf JSON omits zero values
    }
    try {
      long n = v.isNumber() ? v.longValue() : Long.parseLong(v.asText());
      if (n < 0) {
        throw new VerificationException("entry field " + field + " is negative");
      }
      return n;
    } catch (NumberFormatException ex) {
      throw new VerificationException("entry field " + field + " is not a number");
    }
  }

  private static byte[] bytes(JsonNode node, String field, String path)
      throws VerificationException {
    try {
      return Base64.getDecoder().decode(text(node, field));
    } catch (IllegalArgumentException ex) {
      throw new VerificationException(path + " is not base64");
    }
  }

  private static Hash hash(String b64, String path) throws VerificationException {
    try {
      return Hash.of(Base64.getDecoder().decode(b64));
    } catch (IllegalArgumentException ex) {
      throw new VerificationException(path + " is not a base64 SHA-256 hash");
    }
  }
}
