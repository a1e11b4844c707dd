package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import java.util.ArrayList;
import java.util.List;

/** Reading fields of a parsed advisory tree, with schema violations naming the field. */
final class Json {
  private Json() {}

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }

  static String required(JsonNode node, String field, String where) throws AdvisoryFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new AdvisoryFormatException(where + "." + field + " is required");
    }
    if (!v.isValueNode()) {
      throw new AdvisoryFormatException(where + "." + field + " must be a string");
    }
    if (v.asText().isEmpty()) {
      throw new AdvisoryFormatException(where + "." + field + " must not be empty");
    }
    return v.asText();
  }

  static JsonNode object(JsonNode node, String field, String where, boolean required)
      throws AdvisoryFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new AdvisoryFormatException(where + "." + field + " is required");
      }
      return null;
    }
    if (!v.isObject()) {
      throw new AdvisoryFormatException(where + "." + field + " must be an object");
    }
    return v;
  }

  static List<JsonNode> array(JsonNode node, String field, String where)
      throws AdvisoryFormatException {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new AdvisoryFormatException(where + "." + field + " must be an array");
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (!e.isObject()) {
        throw new AdvisoryFormatException(where + "." + field + " must hold objects");
      }
      out.add(e);
    }
    return out;
  }

  static List<String> strings(JsonNode node, String field, String where)
      throws AdvisoryFormatException {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new AdvisoryFormatException(where + "." + field + " must be an array");
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (!e.isValueNode() || e.isNull()) {
        throw new AdvisoryFormatException(where + "." + field + " must hold strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  /** The field as raw JSON text, or null when absent. */
  static String raw(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.toString();
  }

  static Double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      return null;
    }
    return v.asDouble();
  }
}
