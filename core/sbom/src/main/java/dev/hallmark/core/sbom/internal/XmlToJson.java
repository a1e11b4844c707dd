package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a CycloneDX XML element into the shape the JSON encoding gives the same data, so one model
 * validates and maps both: wrapper elements become arrays, attributes become fields, {@code <hash
 * alg>} text becomes {@code content}, {@code <property name>} text becomes {@code value}, {@code
 * <licenses>} becomes the license choice array and {@code <dependency>} children become {@code
 * dependsOn}.
 */
final class XmlToJson {
  /** Wrapper element → the element it repeats (besides the plain plural rule). */
  private static final Map<String, String> WRAPPERS =
      Map.ofEntries(
          Map.entry("externalReferences", "reference"),
          Map.entry("properties", "property"),
          Map.entry("dependencies", "dependency"),
          Map.entry("components", "component"),
          Map.entry("services", "service"),
          Map.entry("hashes", "hash"),
          Map.entry("endpoints", "endpoint"),
          Map.entry("authors", "author"),
          Map.entry("licenses", "license"),
          Map.entry("performanceMetrics", "performanceMetric"),
          Map.entry("datasets", "dataset"),
          Map.entry("affects", "target"));

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  JsonNode convert(XmlElement e) {
    switch (e.name()) {
      case "licenses":
        return licenses(e);
      case "dependency":
        return dependency(e);
      case "hash":
        return textWithAttributes(e, "content");
      case "property":
        return textWithAttributes(e, "value");
      default:
        break;
    }
    if (isWrapper(e)) {
      ArrayNode array = nodes.arrayNode();
      for (XmlElement c : e.children()) {
        array.add(convert(c));
      }
      return array;
    }
    if (e.children().isEmpty() && e.attributes().isEmpty()) {
      return nodes.textNode(e.text());
    }
    ObjectNode o = nodes.objectNode();
    e.attributes().forEach(o::put);
    if (e.children().isEmpty()) {
      o.put("content", e.text());
      return o;
    }
    Map<String, List<XmlElement>> byName = new LinkedHashMap<>();
    for (XmlElement c : e.children()) {
      byName.computeIfAbsent(c.name(), k -> new java.util.ArrayList<>()).add(c);
    }
    byName.forEach(
        (name, list) -> {
          if (list.size() == 1) {
            o.set(name, convert(list.get(0)));
          } else {
            ArrayNode array = o.putArray(name);
            list.forEach(c -> array.add(convert(c)));
          }
        });
    return o;
  }

  private boolean isWrapper(XmlElement e) {
    String child = WRAPPERS.get(e.name());
    if (!e.attributes().isEmpty()) {
      return false;
    }
    if (e.children().isEmpty()) {
      return child != null;
    }
    String first = e.children().get(0).name();
    boolean same = e.children().stream().allMatch(c -> c.name().equals(first));
    return same && (first.equals(child) || e.name().equals(first + "s"));
  }

  private JsonNode licenses(XmlElement e) {
    ArrayNode array = nodes.arrayNode();
    for (XmlElement c : e.children()) {
      ObjectNode entry = array.addObject();
      if (c.name().equals("expression")) {
        entry.put("expression", c.text());
        c.attributes().forEach(entry::put);
      } else {
        entry.set(c.name(), convert(c));
      }
    }
    return array;
  }

  private JsonNode dependency(XmlElement e) {
    ObjectNode o = nodes.objectNode();
    e.attributes().forEach(o::put);
    ArrayNode dependsOn = o.putArray("dependsOn");
    for (XmlElement c : e.children()) {
      if (c.name().equals("dependency") && c.attributes().containsKey("ref")) {
        dependsOn.add(c.attributes().get("ref"));
      }
    }
    return o;
  }

  private JsonNode textWithAttributes(XmlElement e, String textField) {
    ObjectNode o = nodes.objectNode();
    e.attributes().forEach(o::put);
    o.put(textField, e.text());
    return o;
  }
}
