package dev.hallmark.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme for the documents Hallmark signs and hashes.
 *
 * <p>Object members are sorted by the UTF-16 code units of their names, no insignificant whitespace
 * is written, strings use the minimal escaping of ECMAScript {@code JSON.stringify}. Numbers must
 * be integers within the IEEE 754 exactly-representable range (|n| &le; 2^53): every Sigstore and
 * TUF document Hallmark canonicalizes uses only those, and refusing other numbers is safer than
 * formatting them differently from other implementations.
 */
public final class Jcs {
  private static final long MAX_SAFE_INTEGER = 9007199254740992L;

  private Jcs() {}

  /** Canonical UTF-8 bytes of {@code node}; IllegalArgumentException for unsupported numbers. */
  public static byte[] canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    write(node, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, out);
      case ARRAY -> {
        out.append('[');
        boolean first = true;
        for (JsonNode element : node) {
          if (!first) {
            out.append(',');
          }
          first = false;
          write(element, out);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> writeNumber(node, out);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
    }
  }

  private static void writeObject(JsonNode node, StringBuilder out) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
    // String.compareTo compares UTF-16 code units, exactly what RFC 8785 section 3.2.3 asks.
    members.sort(Map.Entry.comparingByKey());
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : members) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(member.getKey(), out);
      out.append(':');
      write(member.getValue(), out);
    }
    out.append('}');
  }

  private static void writeNumber(JsonNode node, StringBuilder out) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long value = node.longValue();
      if (Math.abs(value) <= MAX_SAFE_INTEGER) {
        out.append(value);
        return;
      }
    } else if (node.isFloatingPointNumber()) {
      double value = node.doubleValue();
      if (value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER) {
        out.append((long) value);
        return;
      }
    }
    throw new IllegalArgumentException("number not supported by canonical JSON here: " + node);
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
