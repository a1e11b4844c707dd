package dev.hallmark.cli.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The analyzer REST API as the CLI uses it. HTTP/1.1: an h2c upgrade request is held to the
 * server-wide body limit, not the upload route's.
 */
final class AnalyzerClient {
  private static final Duration CONNECT = Duration.ofSeconds(10);
  private static final Duration REQUEST = Duration.ofMinutes(10);

  private final URI base;
  private final HttpClient http;
  private final ObjectMapper mapper = new ObjectMapper();

  private AnalyzerClient(URI base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  static AnalyzerClient create(String baseUrl) throws AnalyzerOptions.UsageException {
    URI uri;
    try {
      uri =
          URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    } catch (IllegalArgumentException e) {
      throw new AnalyzerOptions.UsageException("not a URL: " + baseUrl);
    }
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new AnalyzerOptions.UsageException("not an http(s) URL: " + baseUrl);
    }
    return new AnalyzerClient(
        uri,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT)
            .build());
  }

  /** The server refused or failed; the message is the problem's detail. */
  static final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** The analyzer could not be reached at all. */
  static final class UnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An answer: its status and JSON body. */
  record Answer(int status, JsonNode body) {}

  /** Uploads a document ({@code kind} = sbom or advisory): 201 stored, 200 already stored. */
  Answer upload(String kind, byte[] body, Map<String, String> labels)
      throws IOException, InterruptedException, ApiException {
    StringBuilder query = new StringBuilder();
    labels.forEach(
        (k, v) ->
            query
                .append(query.length() == 0 ? "?" : "&")
                .append(encode("labels." + k))
                .append('=')
                .append(encode(v)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v2/" + kind + query))
            .timeout(REQUEST)
            .header("content-type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return send(request);
  }

  /** GETs a JSON resource ({@code path} with its query, already encoded). */
  JsonNode get(String path) throws IOException, InterruptedException, ApiException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST).GET().build())
        .body();
  }

  /** Sends {@code method} to {@code path} with an optional JSON body; a 204 answers null. */
  Answer call(String method, String path, JsonNode body)
      throws IOException, InterruptedException, ApiException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(REQUEST)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
    if (body != null) {
      b.header("content-type", "application/json");
    }
    return send(b.build());
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException, ApiException {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UnreachableException(
          "cannot reach the analyzer at "
              + base
              + ": "
              + (e.getMessage() == null ? e : e.getMessage()),
          e);
    }
    JsonNode body;
    try {
      body = mapper.readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    if (response.statusCode() / 100 != 2) {
      JsonNode detail = body == null ? null : body.get("detail");
      throw new ApiException(
          response.statusCode(),
          "HTTP "
              + response.statusCode()
              + (detail != null && detail.isTextual()
                  ? ": " + detail.asText().replace('\n', ' ')
                  : ""));
    }
    if (body == null && (response.statusCode() == 204 || response.statusCode() == 202)) {
      return new Answer(response.statusCode(), null);
    }
    if (body == null) {
      throw new IOException(
          "the analyzer answered HTTP " + response.statusCode() + " without JSON");
    }
    return new Answer(response.statusCode(), body);
  }
}
