package dev.hallmark.tlog.rekorv2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;

/** Reading protobuf-JSON fields: lowerCamelCase or original snake_case names, base64 bytes. */
final class ProtoJson {
  private ProtoJson() {}

  /** The field under its JSON name or its proto name; null if absent or JSON null. */
  static JsonNode field(JsonNode node, String camel, String snake) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(camel);
    if (value == null || value.isNull()) {
      value = node.get(snake);
    }
    return value == null || value.isNull() ? null : value;
  }

  static JsonNode object(JsonNode node, String camel, String snake, String path)
      throws InvalidEntryException {
    JsonNode value = field(node, camel, snake);
    if (value == null) {
      throw new InvalidEntryException(path + " is required");
    }
    if (!value.isObject()) {
      throw new InvalidEntryException(path + " must be an object");
    }
    return value;
  }

  static String string(JsonNode node, String camel, String snake, String path)
      throws InvalidEntryException {
    JsonNode value = field(node, camel, snake);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw new InvalidEntryException(path + " must be a non-empty string");
    }
    return value.textValue();
  }

  /** Decodes standard or URL-safe base64 (padding optional), as protobuf JSON allows. */
  static byte[] bytes(JsonNode node, String camel, String snake, String path)
      throws InvalidEntryException {
    String text = string(node, camel, snake, path);
    try {
      if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
        return Base64.getUrlDecoder().decode(text);
      }
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidEntryException(path + " is not valid base64");
    }
  }
}
