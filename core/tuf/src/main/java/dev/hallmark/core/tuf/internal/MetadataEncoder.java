package dev.hallmark.core.tuf.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.tuf.MetaFile;
import dev.hallmark.core.tuf.MetadataFormatException;
import dev.hallmark.core.tuf.Root;
import dev.hallmark.core.tuf.Signature;
import dev.hallmark.core.tuf.Signed;
import dev.hallmark.core.tuf.Snapshot;
import dev.hallmark.core.tuf.Targets;
import dev.hallmark.core.tuf.Timestamp;
import dev.hallmark.core.tuf.TufKey;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Encodes the metadata model (built in memory, so always encodable) as canonical JSON. */
public final class MetadataEncoder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MetadataEncoder() {}

  /** A detached signature as JSON {@code {"keyid": ..., "sig": ...}}. */
  public static byte[] signatureJson(Signature sig) {
    return write(signatureNode(sig));
  }

  /**
   * The metadata file: {@code signatures} (in order) and {@code signed}, as indented JSON (the
   * canonical form is for signing only: it leaves control characters unescaped, so it is not always
   * valid JSON).
   */
  public static byte[] fileJson(List<Signature> signatures, String signedJson) {
    ObjectNode file = NODES.objectNode();
    ArrayNode sigs = file.putArray("signatures");
    signatures.forEach(s -> sigs.add(signatureNode(s)));
    file.set("signed", readTrusted(signedJson));
    return write(file);
  }

  /** Compact JSON text of a model built in memory. */
  public static String signedJson(Signed signed) {
    return new String(write(encodeSigned(signed)), StandardCharsets.UTF_8).strip();
  }

  /** Compact JSON text of a parsed tree. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      byte[] body = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
      byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
      out[body.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Canonical bytes of a model built in memory. */
  public static byte[] canonicalSigned(Signed signed) {
    return canonical(encodeSigned(signed));
  }

  /** Key id: SHA-256 of the canonical key object. */
  public static String keyId(TufKey key) {
    return Digests.sha256Hex(canonical(keyNode(key)));
  }

  private static ObjectNode encodeSigned(Signed s) {
    ObjectNode o = NODES.objectNode();
    o.put("_type", s.role().jsonName());
    o.put("spec_version", s.specVersion());
    o.put("version", s.version());
    o.put("expires", DateTimeFormatter.ISO_INSTANT.format(s.expires()));
    if (s instanceof Root) {
      Root r = (Root) s;
      o.put("consistent_snapshot", r.consistentSnapshot());
      ObjectNode keys = o.putObject("keys");
      r.keys().forEach((id, k) -> keys.set(id, keyNode(k)));
      ObjectNode roles = o.putObject("roles");
      r.roles()
          .forEach(
              (role, rk) -> {
                ObjectNode n = roles.putObject(role.jsonName());
                ArrayNode ids = n.putArray("keyids");
                rk.keyIds().forEach(ids::add);
                n.put("threshold", rk.threshold());
              });
    } else if (s instanceof Targets) {
      ObjectNode targets = o.putObject("targets");
      ((Targets) s)
          .targets()
          .forEach(
              (name, t) -> {
                ObjectNode n = targets.putObject(name);
                n.put("length", t.length());
                ObjectNode h = n.putObject("hashes");
                t.hashes().forEach(h::put);
                t.customJson().ifPresent(c -> n.set("custom", readTrusted(c)));
              });
    } else if (s instanceof Snapshot) {
      ObjectNode meta = o.putObject("meta");
      ((Snapshot) s).meta().forEach((name, m) -> meta.set(name, metaNode(m)));
    } else {
      o.putObject("meta").set(Timestamp.SNAPSHOT_JSON, metaNode(((Timestamp) s).snapshotMeta()));
    }
    return o;
  }

  private static ObjectNode metaNode(MetaFile m) {
    ObjectNode n = NODES.objectNode();
    n.put("version", m.version());
    m.length().ifPresent(l -> n.put("length", l));
    if (!m.hashes().isEmpty()) {
      ObjectNode h = n.putObject("hashes");
      m.hashes().forEach(h::put);
    }
    return n;
  }

  private static ObjectNode keyNode(TufKey k) {
    ObjectNode n = NODES.objectNode();
    n.put("keytype", k.keyType());
    n.put("scheme", k.scheme());
    n.putObject("keyval").put("public", k.publicValue());
    k.unrecognized().forEach((name, json) -> n.set(name, readTrusted(json)));
    return n;
  }

  private static ObjectNode signatureNode(Signature s) {
    ObjectNode n = NODES.objectNode();
    n.put("keyid", s.keyId());
    n.put("sig", s.hex());
    return n;
  }

  /** Parses JSON text this codec produced itself (canonical member values). */
  /**
   * Checks that {@code json} is one JSON value with a canonical form (kept verbatim in the model
   * for unknown members); throws {@link IllegalArgumentException}.
   */
  public static void checkJsonValue(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new IllegalArgumentException("empty JSON value");
    }
    try {
      CanonicalJson.encode(node);
    } catch (MetadataFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static JsonNode readTrusted(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  private static byte[] canonical(JsonNode node) {
    try {
      return CanonicalJson.encode(node);
    } catch (MetadataFormatException e) {
      // the model only holds integers and strings taken from canonical JSON
      throw new IllegalStateException(e);
    }
  }
}
