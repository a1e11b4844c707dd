package dev.hallmark.server.rekorv1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.json.Jcs;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.tlog.Appended;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Rekor v1 JSON shapes: {@code LogEntry} (one key, the entry ID) with its signed entry timestamp
 * and inclusion proof. Hashes are hex, the body base64, numbers JSON integers.
 */
final class V1Json {
  private static final HexFormat HEX = HexFormat.of();
  private final long treeId;
  private final String logIdHex;
  private final Signer setSigner;

  /**
   * @param logId SHA-256 of the log key's DER SPKI
   * @param setSigner the log key, signing SETs
   */
  V1Json(long treeId, byte[] logId, Signer setSigner) {
    this.treeId = treeId;
    this.logIdHex = HEX.formatHex(logId);
    this.setSigner = setSigner;
  }

  /** 16 hex digits of the tree ID followed by the 64-hex UUID (the leaf hash). */
  String entryId(Hash leafHash) {
    return String.format("%016x", treeId) + leafHash.hex();
  }

  String entryId(byte[] body) {
    return entryId(Rfc6962.leafHash(body));
  }

  /** Like {@link #logEntry(Appended)}, with the entry ID already known. */
  ObjectNode logEntry(String entryId, Appended a) {
    ObjectNode outer = JsonNodeFactory.instance.objectNode();
    outer.set(entryId, entryValue(a));
    return outer;
  }

  String logIdHex() {
    return logIdHex;
  }

  /** The {@code LogEntry} object: {@code {"<entryID>": {...}}}. */
  ObjectNode logEntry(Appended a) {
    ObjectNode outer = JsonNodeFactory.instance.objectNode();
    outer.set(entryId(a.body()), entryValue(a));
    return outer;
  }

  ObjectNode entryValue(Appended a) {
    String body = Base64.getEncoder().encodeToString(a.body());
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("body", body);
    e.put("integratedTime", a.integratedTime());
    e.put("logID", logIdHex);
    e.put("logIndex", a.index());
    ObjectNode verification = e.putObject("verification");
    ObjectNode proof = verification.putObject("inclusionProof");
    proof.put("checkpoint", a.checkpoint().checkpoint());
    ArrayNode hashes = proof.putArray("hashes");
    a.inclusionProof().forEach(h -> hashes.add(h.hex()));
    proof.put("logIndex", a.index());
    proof.put("rootHash", a.checkpoint().rootHash().hex());
    proof.put("treeSize", a.checkpoint().size());
    verification.put("signedEntryTimestamp", Base64.getEncoder().encodeToString(set(a, body)));
    return e;
  }

  /** The SET: the log key's signature over JCS({body, integratedTime, logID, logIndex}). */
  private byte[] set(Appended a, String body) {
    return setSigner.sign(setPayload(body, a.integratedTime(), logIdHex, a.index()));
  }

  /**
   * JCS({body, integratedTime, logID, logIndex}) written directly: the members are already in JCS
   * order, base64 and hex need no escaping and the numbers are integers below 2^53, so this is the
   * RFC 8785 form without building and sorting a tree for every entry (checked against {@link Jcs}
   * in the tests).
   */
  static byte[] setPayload(String body, long integratedTime, String logIdHex, long logIndex) {
    StringBuilder sb = new StringBuilder(body.length() + logIdHex.length() + 96);
    sb.append("{\"body\":\"")
        .append(body)
        .append("\",\"integratedTime\":")
        .append(integratedTime)
        .append(",\"logID\":\"")
        .append(logIdHex)
        .append("\",\"logIndex\":")
        .append(logIndex)
        .append('}');
    return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
