package dev.hallmark.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.VirtualHostBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves a service's OpenAPI document (a resource under /openapi/) at {@code /openapi.json}. */
public final class OpenApi {
  private OpenApi() {}

  public static void mount(VirtualHostBuilder host, String resource) {
    byte[] document = read(resource);
    host.route()
        .get("/openapi.json")
        .build(
            (ctx, req) ->
                HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, HttpData.wrap(document)));
  }

  /**
   * Serves {@code resource} with the {@code paths} and {@code components.schemas} of {@code more}
   * merged in (an API whose parts are described in separate files, e.g. the analyzer's importers).
   */
  public static void mount(VirtualHostBuilder host, String resource, String... more) {
    if (more.length == 0) {
      mount(host, resource);
      return;
    }
    ObjectMapper mapper = new ObjectMapper();
    try {
      ObjectNode merged = (ObjectNode) mapper.readTree(read(resource));
      for (String part : more) {
        JsonNode extra = mapper.readTree(read(part));
        merged.withObjectProperty("paths").setAll((ObjectNode) extra.path("paths"));
        if (extra.path("components").path("schemas").isObject()) {
          merged
              .withObjectProperty("components")
              .withObjectProperty("schemas")
              .setAll((ObjectNode) extra.path("components").path("schemas"));
        }
      }
      byte[] document = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged);
      host.route()
          .get("/openapi.json")
          .build(
              (ctx, req) ->
                  HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, HttpData.wrap(document)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = OpenApi.class.getResourceAsStream("/openapi/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenAPI document " + resource + " missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
