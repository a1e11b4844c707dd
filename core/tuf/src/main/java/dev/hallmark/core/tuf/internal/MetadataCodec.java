package dev.hallmark.core.tuf.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.tuf.MetaFile;
import dev.hallmark.core.tuf.MetadataFormatException;
import dev.hallmark.core.tuf.Role;
import dev.hallmark.core.tuf.RoleKeys;
import dev.hallmark.core.tuf.Root;
import dev.hallmark.core.tuf.Signature;
import dev.hallmark.core.tuf.Signed;
import dev.hallmark.core.tuf.Snapshot;
import dev.hallmark.core.tuf.TargetFile;
import dev.hallmark.core.tuf.Targets;
import dev.hallmark.core.tuf.Timestamp;
import dev.hallmark.core.tuf.TufKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** JSON form of the metadata model: strict parsing of untrusted files and encoding. */
public final class MetadataCodec {
  /** The members of a key object that {@link TufKey} models itself. */
  public static final List<String> KEY_MEMBERS = List.of("keytype", "scheme", "keyval");

  private static final Pattern SPEC_VERSION = Pattern.compile("1\\.[0-9]{1,9}(\\.[0-9]{1,9})?");
  private static final Pattern EXPIRES =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private MetadataCodec() {}

  /** A parsed file: the model, the canonical bytes of {@code signed}, the signatures. */
  public record Parsed(
      Signed signed, byte[] canonical, String signedJson, List<Signature> signatures) {}

  /** Checks what all roles share; throws {@link IllegalArgumentException}. */
  public static void checkCommon(String specVersion, long version, Instant expires) {
    if (specVersion == null || !SPEC_VERSION.matcher(specVersion).matches()) {
      throw new IllegalArgumentException("unsupported spec_version " + specVersion);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version);
    }
    if (expires == null || expires.getNano() != 0) {
      throw new IllegalArgumentException("expires must be a whole second");
    }
  }

  /** Checks a target name; throws {@link IllegalArgumentException}. */
  public static void checkTargetName(String name) {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("invalid target name");
    }
  }

  /** Parses a whole metadata file. */
  public static Parsed parseFile(byte[] json) throws MetadataFormatException {
    ObjectNode file = readObject(json, "metadata");
    ObjectNode signedNode = object(file, "signed", "");
    Signed signed = decodeSigned(signedNode);
    String ctx = signed.role() + " ";
    JsonNode sigs = file.get("signatures");
    if (sigs == null || !sigs.isArray()) {
      throw new MetadataFormatException(ctx + "metadata: signatures must be an array");
    }
    List<Signature> signatures = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode s : sigs) {
      Signature sig = decodeSignature(s, ctx + "signatures[]");
      if (!seen.add(sig.keyId())) {
        throw new MetadataFormatException(
            ctx + "metadata: more than one signature by key " + sig.keyId());
      }
      signatures.add(sig);
    }
    return new Parsed(
        signed, CanonicalJson.encode(signedNode), MetadataEncoder.compact(signedNode), signatures);
  }

  /** Parses a detached signature {@code {"keyid": ..., "sig": ...}}. */
  public static Signature parseSignature(byte[] json) throws MetadataFormatException {
    return decodeSignature(readObject(json, "signature"), "signature");
  }

  // ---- decoding ----

  private static ObjectNode readObject(byte[] json, String what) throws MetadataFormatException {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MetadataFormatException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MetadataFormatException(what + " is not valid JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw new MetadataFormatException(what + " must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static Signature decodeSignature(JsonNode node, String ctx)
      throws MetadataFormatException {
    if (!node.isObject()) {
      throw new MetadataFormatException(ctx + " must be an object");
    }
    String keyId = text(node, "keyid", ctx);
    String sig = text(node, "sig", ctx);
    try {
      return new Signature(keyId, sig);
    } catch (IllegalArgumentException e) {
      throw new MetadataFormatException(ctx + ": " + e.getMessage(), e);
    }
  }

  private static Signed decodeSigned(ObjectNode s) throws MetadataFormatException {
    String type = text(s, "_type", "signed");
    Role role =
        Role.byJsonName(type)
            .orElseThrow(() -> new MetadataFormatException("signed._type: unknown type " + type));
    String ctx = role + " signed";
    String specVersion = text(s, "spec_version", ctx);
    if (!SPEC_VERSION.matcher(specVersion).matches()) {
      throw new MetadataFormatException(ctx + ".spec_version: unsupported " + specVersion);
    }
    long version = positive(s, "version", ctx);
    Instant expires = expires(s, ctx);
    try {
      switch (role) {
        case ROOT:
          return decodeRoot(s, specVersion, version, expires, ctx);
        case TARGETS:
          return decodeTargets(s, specVersion, version, expires, ctx);
        case SNAPSHOT:
          Map<String, MetaFile> meta = new HashMap<>();
          for (Map.Entry<String, JsonNode> e : members(object(s, "meta", ctx))) {
            meta.put(e.getKey(), decodeMetaFile(e.getValue(), ctx + ".meta." + e.getKey()));
          }
          return new Snapshot(specVersion, version, expires, meta);
        default:
          ObjectNode tmeta = object(s, "meta", ctx);
          JsonNode snap = tmeta.get(Timestamp.SNAPSHOT_JSON);
          if (snap == null) {
            throw new MetadataFormatException(ctx + ".meta: no snapshot.json entry");
          }
          MetaFile sm = decodeMetaFile(snap, ctx + ".meta.snapshot.json");
          return new Timestamp(specVersion, version, expires, sm);
      }
    } catch (IllegalArgumentException e) {
      throw new MetadataFormatException(ctx + ": " + e.getMessage(), e);
    }
  }

  private static Root decodeRoot(
      ObjectNode s, String specVersion, long version, Instant expires, String ctx)
      throws MetadataFormatException {
    boolean consistent = false;
    JsonNode cs = s.get("consistent_snapshot");
    if (cs != null) {
      if (!cs.isBoolean()) {
        throw new MetadataFormatException(ctx + ".consistent_snapshot must be a boolean");
      }
      consistent = cs.booleanValue();
    }
    Map<String, TufKey> keys = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : members(object(s, "keys", ctx))) {
      keys.put(e.getKey(), decodeKey(e.getValue(), ctx + ".keys." + e.getKey()));
    }
    Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
    for (Map.Entry<String, JsonNode> e : members(object(s, "roles", ctx))) {
      String rctx = ctx + ".roles." + e.getKey();
      Role r =
          Role.byJsonName(e.getKey())
              .orElseThrow(() -> new MetadataFormatException(rctx + ": not a top-level role"));
      if (!e.getValue().isObject()) {
        throw new MetadataFormatException(rctx + " must be an object");
      }
      JsonNode ids = e.getValue().get("keyids");
      if (ids == null || !ids.isArray()) {
        throw new MetadataFormatException(rctx + ".keyids must be an array");
      }
      List<String> keyIds = new ArrayList<>();
      for (JsonNode id : ids) {
        if (!id.isTextual()) {
          throw new MetadataFormatException(rctx + ".keyids must hold strings");
        }
        keyIds.add(id.textValue());
      }
      long threshold = positive(e.getValue(), "threshold", rctx);
      if (threshold > Integer.MAX_VALUE) {
        throw new MetadataFormatException(rctx + ".threshold is too large");
      }
      try {
        roles.put(r, new RoleKeys(keyIds, (int) threshold));
      } catch (IllegalArgumentException ex) {
        throw new MetadataFormatException(rctx + ": " + ex.getMessage(), ex);
      }
    }
    return new Root(specVersion, version, expires, consistent, keys, roles);
  }

  private static TufKey decodeKey(JsonNode node, String ctx) throws MetadataFormatException {
    if (!node.isObject()) {
      throw new MetadataFormatException(ctx + " must be an object");
    }
    String keyType = text(node, "keytype", ctx);
    String scheme = text(node, "scheme", ctx);
    String pub = text(object(node, "keyval", ctx), "public", ctx + ".keyval");
    Map<String, String> other = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : members(node)) {
      if (!KEY_MEMBERS.contains(e.getKey())) {
        other.put(
            e.getKey(), new String(CanonicalJson.encode(e.getValue()), StandardCharsets.UTF_8));
      }
    }
    if (object(node, "keyval", ctx).size() != 1) {
      // extra keyval members would change the key id; keep the model exact instead
      throw new MetadataFormatException(ctx + ".keyval must hold only \"public\"");
    }
    return new TufKey(keyType, scheme, pub, other);
  }

  private static Targets decodeTargets(
      ObjectNode s, String specVersion, long version, Instant expires, String ctx)
      throws MetadataFormatException {
    Map<String, TargetFile> targets = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : members(object(s, "targets", ctx))) {
      String tctx = ctx + ".targets." + e.getKey();
      JsonNode t = e.getValue();
      if (!t.isObject()) {
        throw new MetadataFormatException(tctx + " must be an object");
      }
      long length = nonNegative(t, "length", tctx);
      Map<String, String> hashes = hashes(object(t, "hashes", tctx), tctx + ".hashes");
      Optional<String> custom = Optional.empty();
      if (t.has("custom")) {
        custom =
            Optional.of(new String(CanonicalJson.encode(t.get("custom")), StandardCharsets.UTF_8));
      }
      targets.put(e.getKey(), new TargetFile(length, hashes, custom));
    }
    return new Targets(specVersion, version, expires, targets);
  }

  private static MetaFile decodeMetaFile(JsonNode node, String ctx) throws MetadataFormatException {
    if (!node.isObject()) {
      throw new MetadataFormatException(ctx + " must be an object");
    }
    long version = positive(node, "version", ctx);
    OptionalLong length =
        node.has("length")
            ? OptionalLong.of(nonNegative(node, "length", ctx))
            : OptionalLong.empty();
    Map<String, String> hashes =
        node.has("hashes") ? hashes(object(node, "hashes", ctx), ctx + ".hashes") : Map.of();
    if (node.has("hashes") && hashes.isEmpty()) {
      throw new MetadataFormatException(ctx + ".hashes must not be empty");
    }
    return new MetaFile(version, length, hashes);
  }

  private static Map<String, String> hashes(ObjectNode node, String ctx)
      throws MetadataFormatException {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : members(node)) {
      if (!e.getValue().isTextual() || !Digests.isHex(e.getValue().textValue())) {
        throw new MetadataFormatException(ctx + "." + e.getKey() + " must be a hex string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  private static Instant expires(JsonNode s, String ctx) throws MetadataFormatException {
    String text = text(s, "expires", ctx);
    if (!EXPIRES.matcher(text).matches()) {
      throw new MetadataFormatException(ctx + ".expires: not YYYY-MM-DDTHH:MM:SSZ: " + text);
    }
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      throw new MetadataFormatException(ctx + ".expires: invalid date " + text, e);
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> members(JsonNode node) {
    return node.properties();
  }

  private static ObjectNode object(JsonNode parent, String name, String ctx)
      throws MetadataFormatException {
    JsonNode n = parent.get(name);
    if (n == null || !n.isObject()) {
      throw new MetadataFormatException(prefix(ctx) + name + " must be an object");
    }
    return (ObjectNode) n;
  }

  private static String text(JsonNode parent, String name, String ctx)
      throws MetadataFormatException {
    JsonNode n = parent.get(name);
    if (n == null || !n.isTextual()) {
      throw new MetadataFormatException(prefix(ctx) + name + " must be a string");
    }
    return n.textValue();
  }

  private static long positive(JsonNode parent, String name, String ctx)
      throws MetadataFormatException {
    long v = nonNegative(parent, name, ctx);
    if (v < 1) {
      throw new MetadataFormatException(prefix(ctx) + name + " must be at least 1");
    }
    return v;
  }

  private static long nonNegative(JsonNode parent, String name, String ctx)
      throws MetadataFormatException {
    JsonNode n = parent.get(name);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
      throw new MetadataFormatException(
          prefix(ctx) + name + " must be a non-negative integer that fits 64 bits");
    }
    return n.longValue();
  }

  private static String prefix(String ctx) {
    return ctx.isEmpty() ? "" : ctx + ".";
  }
}
