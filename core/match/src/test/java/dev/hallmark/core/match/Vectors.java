package dev.hallmark.core.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the copied vector files under {@code src/test/resources/versions/} (see SOURCE.md). */
final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  static String text(String path) {
    try (InputStream in =
        Vectors.class.getResourceAsStream(path.startsWith("/") ? path : "/versions/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing vector file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String path) {
    try {
      return JSON.readTree(text(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cases of a vers/purl/univers test file: the {@code tests} array or a bare array. */
  static List<JsonNode> cases(String path) {
    JsonNode root = json(path);
    JsonNode tests = root.isArray() ? root : root.get("tests");
    List<JsonNode> out = new ArrayList<>();
    tests.forEach(out::add);
    if (out.isEmpty()) {
      throw new IllegalStateException("no cases in " + path);
    }
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
