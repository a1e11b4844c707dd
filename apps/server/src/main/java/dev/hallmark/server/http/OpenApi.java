package dev.hallmark.server.http;

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
    byte[] document;
    try (InputStream in = OpenApi.class.getResourceAsStream("/openapi/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenAPI document " + resource + " missing from the build");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    host.route()
        .get("/openapi.json")
        .build(
            (ctx, req) ->
                HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, HttpData.wrap(document)));
  }
}
