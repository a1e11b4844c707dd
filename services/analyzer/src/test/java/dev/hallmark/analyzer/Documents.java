package dev.hallmark.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test documents from {@code src/test/resources} and counts read straight from their JSON. */
final class Documents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Documents() {}

  static byte[] bytes(String path) {
    try (InputStream in = Documents.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String path) {
    try {
      return JSON.readTree(bytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Packages as the documents define them: SPDX {@code packages}; CycloneDX components at every
   * nesting level plus the metadata component.
   */
  static int packageCount(JsonNode doc) {
    if (doc.has("spdxVersion")) {
      return doc.path("packages").size();
    }
    return components(doc.path("components")) + (doc.path("metadata").has("component") ? 1 : 0);
  }

  /** SPDX {@code relationships}; CycloneDX {@code dependsOn} and {@code provides} entries. */
  static int relationshipCount(JsonNode doc) {
    if (doc.has("spdxVersion")) {
      return doc.path("relationships").size();
    }
    int n = 0;
    for (JsonNode d : doc.path("dependencies")) {
      n += d.path("dependsOn").size() + d.path("provides").size();
    }
    return n;
  }

  private static int components(JsonNode list) {
    int n = 0;
    for (JsonNode c : list) {
      n += 1 + components(c.path("components"));
    }
    return n;
  }
}
