package dev.hallmark.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import java.io.IOException;

/**
 * JSON bodies: responses written straight to UTF-8 bytes (no intermediate String), request bodies
 * read with a 400 naming what was wrong.
 */
public final class JsonBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer();
  private static final ObjectReader READER = MAPPER.reader();

  private JsonBodies() {}

  public static byte[] bytes(JsonNode node) {
    try {
      return WRITER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize JSON", e);
    }
  }

  /** A {@code application/json; charset=utf-8} response. */
  public static HttpResponse response(HttpStatus status, JsonNode body) {
    return HttpResponse.of(status, MediaType.JSON_UTF_8, bytes(body));
  }

  /**
   * The request's JSON body; a {@link BadRequestException} when it is not JSON, or empty ("the
   * request body is empty; send {@code expected}").
   */
  public static JsonNode read(AggregatedHttpRequest req, String expected) {
    JsonNode node;
    try {
      node = READER.readTree(req.content().array());
    } catch (IOException e) {
      String message =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new BadRequestException(
          "the request body is not JSON: "
              + (message == null ? "" : message.lines().findFirst().orElse("")));
    }
    if (node == null || node.isMissingNode()) {
      throw new BadRequestException("the request body is empty; send " + expected);
    }
    return node;
  }
}
