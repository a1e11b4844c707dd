package dev.hallmark.tlog.rekorv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.tlog.Appended;
import java.util.Base64;

/** Renders {@code dev.sigstore.rekor.v1.TransparencyLogEntry} in protobuf JSON for Rekor v2. */
public final class RekorV2Responses {
  private RekorV2Responses() {}

  /**
   * The entry as rekor-tiles returns it: no SET and no integrated time; the inclusion proof's size
   * and root are those of the checkpoint it carries.
   *
   * @param logKeyHash the 32-byte C2SP checkpoint key ID of the log ({@code logId.keyId})
   */
  public static ObjectNode transparencyLogEntry(
      Appended appended, String kind, String version, byte[] logKeyHash) {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("logIndex", Long.toString(appended.index()));
    entry.putObject("logId").put("keyId", b64.encodeToString(logKeyHash));
    entry.putObject("kindVersion").put("kind", kind).put("version", version);
    ObjectNode proof = entry.putObject("inclusionProof");
    proof.put("logIndex", Long.toString(appended.index()));
    proof.put("rootHash", appended.checkpoint().rootHash().base64());
    proof.put("treeSize", Long.toString(appended.checkpoint().size()));
    ArrayNode hashes = proof.putArray("hashes");
    for (Hash h : appended.inclusionProof()) {
      hashes.add(h.base64());
    }
    proof.putObject("checkpoint").put("envelope", appended.checkpoint().checkpoint());
    entry.put("canonicalizedBody", b64.encodeToString(appended.body()));
    return entry;
  }
}
