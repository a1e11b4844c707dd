package dev.hallmark.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** JSON response bodies written straight to UTF-8 bytes (no intermediate String). */
public final class JsonBodies {
  private static final ObjectWriter WRITER = new ObjectMapper().writer();

  private JsonBodies() {}

  public static byte[] bytes(JsonNode node) {
    try {
      return WRITER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize JSON", e);
    }
  }
}
