package dev.hallmark.core.bundle.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.Bytes;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads protobuf JSON (proto3 mapping) with Jackson's tree model: a field may be written in
 * lowerCamelCase or in its original snake_case name; {@code int64} as a decimal string or a JSON
 * number; {@code bytes} as standard or URL-safe base64; {@code Timestamp} as RFC 3339. Absent
 * fields and JSON nulls read as the proto3 default. Every error names the field path.
 */
public final class ProtoJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(64 << 20).build());
  }

  private final JsonNode node;
  private final String path;

  private ProtoJson(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Parses a JSON document whose top level must be an object. */
  public static ProtoJson parse(byte[] json, String what) throws BundleFormatException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BundleFormatException(
          what + " is not valid JSON: " + e.getOriginalMessage().split("\n")[0], e);
    } catch (IOException e) {
      throw new BundleFormatException(what + " cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new BundleFormatException(what + " is not a JSON object");
    }
    return new ProtoJson(root, "");
  }

  /** Wraps an already-parsed object node (for nested JSON documents). */
  public static ProtoJson of(JsonNode node, String path) throws BundleFormatException {
    if (node == null || !node.isObject()) {
      throw new BundleFormatException(path + " is not a JSON object");
    }
    return new ProtoJson(node, path);
  }

  /** The path of this object, for messages. */
  public String path() {
    return path.isEmpty() ? "(top level)" : path;
  }

  private String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private JsonNode raw(String field) throws BundleFormatException {
    JsonNode v = node.get(field);
    String snake = snake(field);
    JsonNode s = snake.equals(field) ? null : node.get(snake);
    if (v != null && s != null) {
      throw new BundleFormatException(at(field) + " is given twice (as " + snake + " too)");
    }
    JsonNode found = v != null ? v : s;
    return found == null || found.isNull() ? null : found;
  }

  /** True if the field is present and not null. */
  public boolean has(String field) throws BundleFormatException {
    return raw(field) != null;
  }

  /** A nested message, or null if absent. */
  public ProtoJson objectOrNull(String field) throws BundleFormatException {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw new BundleFormatException(at(field) + " must be an object");
    }
    return new ProtoJson(v, at(field));
  }

  /** A required nested message. */
  public ProtoJson object(String field) throws BundleFormatException {
    ProtoJson o = objectOrNull(field);
    if (o == null) {
      throw new BundleFormatException(at(field) + " is missing");
    }
    return o;
  }

  /** A repeated message field (empty if absent). */
  public List<ProtoJson> objects(String field) throws BundleFormatException {
    JsonNode v = raw(field);
    List<ProtoJson> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw new BundleFormatException(at(field) + " must be a list");
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String p = at(field) + "[" + i + "]";
      if (!e.isObject()) {
        throw new BundleFormatException(p + " must be an object");
      }
      out.add(new ProtoJson(e, p));
    }
    return out;
  }

  /** A string field; "" if absent. */
  public String string(String field) throws BundleFormatException {
    JsonNode v = raw(field);
    if (v == null) {
      return "";
    }
    if (!v.isTextual()) {
      throw new BundleFormatException(at(field) + " must be a string");
    }
    return v.textValue();
  }

  /** A required, non-empty string field. */
  public String requiredString(String field) throws BundleFormatException {
    String s = string(field);
    if (s.isEmpty()) {
      throw new BundleFormatException(at(field) + " is missing");
    }
    return s;
  }

  /** A {@code bytes} field; empty if absent. */
  public Bytes bytes(String field) throws BundleFormatException {
    String s = string(field);
    return s.isEmpty() ? Bytes.empty() : decodeBase64(s, at(field));
  }

  /** A required, non-empty {@code bytes} field. */
  public Bytes requiredBytes(String field) throws BundleFormatException {
    Bytes b = bytes(field);
    if (b.isEmpty()) {
      throw new BundleFormatException(at(field) + " is missing");
    }
    return b;
  }

  /** A repeated {@code bytes} field. */
  public List<Bytes> bytesList(String field) throws BundleFormatException {
    JsonNode v = raw(field);
    List<Bytes> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw new BundleFormatException(at(field) + " must be a list");
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String p = at(field) + "[" + i + "]";
      if (!e.isTextual()) {
        throw new BundleFormatException(p + " must be a base64 string");
      }
      out.add(decodeBase64(e.textValue(), p));
    }
    return out;
  }

  /** An {@code int64} field (string or number); 0 if absent. */
  public long int64(String field) throws BundleFormatException {
    JsonNode v = raw(field);
    if (v == null) {
      return 0;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      String s = v.textValue();
      if (s.matches("-?(0|[1-9][0-9]{0,18})")) {
        try {
          return Long.parseLong(s);
        } catch (NumberFormatException e) {
          throw new BundleFormatException(at(field) + " is out of the int64 range", e);
        }
      }
    }
    throw new BundleFormatException(at(field) + " must be an int64 (decimal string or number)");
  }

  /** A non-negative {@code int64} field. */
  public long nonNegativeInt64(String field) throws BundleFormatException {
    long n = int64(field);
    if (n < 0) {
      throw new BundleFormatException(at(field) + " is negative (" + n + ")");
    }
    return n;
  }

  /** An {@code int32} field; 0 if absent. */
  public int int32(String field) throws BundleFormatException {
    long n = int64(field);
    if (n != (int) n) {
      throw new BundleFormatException(at(field) + " is out of the int32 range");
    }
    return (int) n;
  }

  /** A {@code google.protobuf.Timestamp} field (RFC 3339); null if absent. */
  public Instant timestampOrNull(String field) throws BundleFormatException {
    String s = string(field);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new BundleFormatException(at(field) + " is not an RFC 3339 time: " + s, e);
    }
  }

  /** The raw Jackson node of a field (for embedded documents); null if absent. */
  public JsonNode node(String field) throws BundleFormatException {
    return raw(field);
  }

  /**
   * Decodes standard or URL-safe base64, with or without padding; line breaks are skipped (as Go's
   * and Python's decoders, which the Sigstore clients use, skip them).
   */
  public static Bytes decodeBase64(String text, String path) throws BundleFormatException {
    String s =
        text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 ? text.replaceAll("[\r\n]", "") : text;
    try {
      boolean urlSafe = s.indexOf('-') >= 0 || s.indexOf('_') >= 0;
      return Bytes.of((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s));
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException(path + " is not valid base64", e);
    }
  }

  static String snake(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
