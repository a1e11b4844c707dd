package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.sbom.SbomFormatException;
import java.util.ArrayList;
import java.util.List;

/** Reading fields of small JSON trees (one package / component at a time). */
final class Json {
  private Json() {}

  /** The field as text (numbers and booleans as written), or null when absent or null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }

  /** The field as text; a schema violation naming {@code where.field} when absent or empty. */
  static String required(JsonNode node, String field, String where) throws SbomFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new SbomFormatException(where + "." + field + " is required");
    }
    if (!v.isValueNode()) {
      throw new SbomFormatException(where + "." + field + " must be a string");
    }
    if (v.asText().isEmpty()) {
      throw new SbomFormatException(where + "." + field + " must not be empty");
    }
    return v.asText();
  }

  /** The elements of an array field (empty when absent); a violation when not an array. */
  static List<JsonNode> array(JsonNode node, String field, String where)
      throws SbomFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new SbomFormatException(where + "." + field + " must be an array");
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    v.forEach(out::add);
    return out;
  }

  /** The string elements of an array field. */
  static List<String> strings(JsonNode node, String field, String where)
      throws SbomFormatException {
    List<String> out = new ArrayList<>();
    for (JsonNode e : array(node, field, where)) {
      if (!e.isValueNode()) {
        throw new SbomFormatException(where + "." + field + " must hold strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  /** The object field, or null when absent; a violation when not an object. */
  static JsonNode object(JsonNode node, String field, String where) throws SbomFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new SbomFormatException(where + "." + field + " must be an object");
    }
    return v;
  }

  /** The field as text, present but possibly empty (a schema string without minLength). */
  static String present(JsonNode node, String field, String where) throws SbomFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new SbomFormatException(where + "." + field + " is required");
    }
    if (!v.isValueNode()) {
      throw new SbomFormatException(where + "." + field + " must be a string");
    }
    return v.asText();
  }
}
