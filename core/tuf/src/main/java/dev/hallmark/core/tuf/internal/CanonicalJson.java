package dev.hallmark.core.tuf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.tuf.MetadataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OLPC canonical JSON as the TUF reference implementations produce it (securesystemslib {@code
 * encode_canonical}, go-securesystemslib {@code cjson}): no whitespace, object members sorted by
 * the code points of their names, strings escaping only {@code \} and {@code "} (every other
 * character, control characters included, is written as its raw UTF-8 bytes), integers only.
 *
 * <p>This differs from RFC 8785 (JCS) for strings with control characters: the PEM public keys in
 * Sigstore's root contain {@code \n}, which JCS would escape and the signers did not.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * Encodes {@code node}.
   *
   * @throws MetadataFormatException for a non-integer number or a string with an unpaired surrogate
   *     (neither has a canonical form)
   */
  public static byte[] encode(JsonNode node) throws MetadataFormatException {
    StringBuilder out = new StringBuilder(256);
    write(node, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, StringBuilder out) throws MetadataFormatException {
    switch (node.getNodeType()) {
      case OBJECT:
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        members.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeString(members.get(i).getKey(), out);
          out.append(':');
          write(members.get(i).getValue(), out);
        }
        out.append('}');
        break;
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
        break;
      case STRING:
        writeString(node.textValue(), out);
        break;
      case NUMBER:
        if (!node.isIntegralNumber()) {
          throw new MetadataFormatException(
              "canonical JSON allows integers only, found " + abbreviate(node.asText()));
        }
        out.append(node.bigIntegerValue().toString());
        break;
      case BOOLEAN:
        out.append(node.booleanValue() ? "true" : "false");
        break;
      case NULL:
        out.append("null");
        break;
      default:
        throw new MetadataFormatException("no canonical JSON form for " + node.getNodeType());
    }
  }

  private static void writeString(String s, StringBuilder out) throws MetadataFormatException {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
        if (!paired) {
          throw new MetadataFormatException("string holds an unpaired UTF-16 surrogate");
        }
        out.append(c).append(s.charAt(++i));
        continue;
      }
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }

  /** Orders strings by Unicode code point (as Python's {@code sorted} does), not UTF-16 unit. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
