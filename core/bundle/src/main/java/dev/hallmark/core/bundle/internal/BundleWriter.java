package dev.hallmark.core.bundle.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleVersion;
import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.InclusionProof;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.bundle.TlogEntry;
import dev.hallmark.core.bundle.VerificationMaterial;

/**
 * Writes {@link Bundle}s as protobuf JSON the way protobuf's own printer does: lowerCamelCase
 * names, {@code int64} as decimal strings, {@code bytes} as padded standard base64, default values
 * (0, empty strings and bytes, empty lists) omitted, except a log entry's and its proof's index and
 * tree size. v0.3 bundles get the current media type spelling {@code
 * application/vnd.dev.sigstore.bundle.v0.3+json}.
 */
public final class BundleWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BundleWriter() {}

  /** The bundle as compact protobuf JSON (UTF-8). */
  public static byte[] write(Bundle b) {
    try {
      return MAPPER.writeValueAsBytes(tree(b));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings cannot fail to serialize", e);
    }
  }

  /** A DSSE envelope as compact JSON. */
  public static byte[] writeEnvelope(DsseEnvelope env) {
    try {
      return MAPPER.writeValueAsBytes(envelope(env));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings cannot fail to serialize", e);
    }
  }

  /** The media type written for {@code version}. */
  public static String mediaType(BundleVersion version) {
    switch (version) {
      case V0_1:
        return "application/vnd.dev.sigstore.bundle+json;version=0.1";
      case V0_2:
        return "application/vnd.dev.sigstore.bundle+json;version=0.2";
      default:
        return "application/vnd.dev.sigstore.bundle.v0.3+json";
    }
  }

  static ObjectNode tree(Bundle b) {
    ObjectNode root = NODES.objectNode();
    root.put("mediaType", mediaType(b.version()));
    ObjectNode vm = root.putObject("verificationMaterial");
    VerificationMaterial m = b.material();
    switch (m.kind()) {
      case CERTIFICATE:
        vm.putObject("certificate").put("rawBytes", m.leaf().base64());
        break;
      case CERTIFICATE_CHAIN:
        ArrayNode certs = vm.putObject("x509CertificateChain").putArray("certificates");
        for (Bytes c : m.certificates()) {
          certs.addObject().put("rawBytes", c.base64());
        }
        break;
      default:
        ObjectNode key = vm.putObject("publicKey");
        putString(key, "hint", m.publicKeyHint());
    }
    if (!b.tlogEntries().isEmpty()) {
      ArrayNode entries = vm.putArray("tlogEntries");
      for (TlogEntry e : b.tlogEntries()) {
        entries.add(entry(e));
      }
    }
    if (!b.rfc3161Timestamps().isEmpty()) {
      ArrayNode ts = vm.putObject("timestampVerificationData").putArray("rfc3161Timestamps");
      for (Bytes t : b.rfc3161Timestamps()) {
        ts.addObject().put("signedTimestamp", t.base64());
      }
    }
    if (b.messageSignature() != null) {
      MessageSignature s = b.messageSignature();
      ObjectNode ms = root.putObject("messageSignature");
      if (s.digestAlgorithm() != null) {
        ObjectNode md = ms.putObject("messageDigest");
        md.put("algorithm", s.digestAlgorithm().name());
        md.put("digest", s.digest().base64());
      }
      ms.put("signature", s.signature().base64());
    } else {
      root.set("dsseEnvelope", envelope(b.dsseEnvelope()));
    }
    return root;
  }

  /** A {@code TransparencyLogEntry} as protobuf JSON. */
  public static ObjectNode entry(TlogEntry e) {
    ObjectNode o = NODES.objectNode();
    // the indexes and size are written even when 0 (the first entry of a log): some readers
    // treat them as required
    o.put("logIndex", Long.toString(e.logIndex()));
    o.putObject("logId").put("keyId", e.logId().base64());
    ObjectNode kv = o.putObject("kindVersion");
    kv.put("kind", e.kind());
    kv.put("version", e.version());
    putInt64(o, "integratedTime", e.integratedTime());
    if (e.hasPromise()) {
      o.putObject("inclusionPromise")
          .put("signedEntryTimestamp", e.signedEntryTimestamp().base64());
    }
    InclusionProof p = e.inclusionProof();
    if (p != null) {
      ObjectNode proof = o.putObject("inclusionProof");
      proof.put("logIndex", Long.toString(p.logIndex()));
      putBytes(proof, "rootHash", p.rootHash());
      proof.put("treeSize", Long.toString(p.treeSize()));
      if (!p.hashes().isEmpty()) {
        ArrayNode hashes = proof.putArray("hashes");
        for (Bytes h : p.hashes()) {
          hashes.add(h.base64());
        }
      }
      if (!p.checkpoint().isEmpty()) {
        proof.putObject("checkpoint").put("envelope", p.checkpoint());
      }
    }
    o.put("canonicalizedBody", e.canonicalizedBody().base64());
    return o;
  }

  /** A DSSE envelope as JSON ({@code payload}, {@code payloadType}, {@code signatures}). */
  public static ObjectNode envelope(DsseEnvelope env) {
    ObjectNode o = NODES.objectNode();
    putBytes(o, "payload", env.payload());
    o.put("payloadType", env.payloadType());
    ArrayNode sigs = o.putArray("signatures");
    for (DsseEnvelope.Signature s : env.signatures()) {
      ObjectNode sig = sigs.addObject();
      sig.put("sig", s.sig().base64());
      putString(sig, "keyid", s.keyid());
    }
    return o;
  }

  private static void putInt64(ObjectNode o, String name, long value) {
    if (value != 0) {
      o.put(name, Long.toString(value));
    }
  }

  private static void putBytes(ObjectNode o, String name, Bytes value) {
    if (!value.isEmpty()) {
      o.put(name, value.base64());
    }
  }

  private static void putString(ObjectNode o, String name, String value) {
    if (!value.isEmpty()) {
      o.put(name, value);
    }
  }
}
