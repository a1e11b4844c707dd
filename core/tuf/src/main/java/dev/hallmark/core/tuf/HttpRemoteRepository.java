package dev.hallmark.core.tuf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A TUF mirror over HTTP(S) with the JDK client: {@code GET {mirror}/{path}}, 200 is the file, 404
 * and 403 mean "does not exist" (as python-tuf and sigstore-java read a static mirror), any other
 * status is an error. Bodies are read only up to the caller's limit.
 */
public final class HttpRemoteRepository implements RemoteRepository {
  private final HttpClient client;
  private final String mirror;
  private final Duration timeout;

  /**
   * Creates the remote.
   *
   * @param client the shared HTTP client (redirect policy and proxy are the caller's choice)
   * @param mirror the repository root URL ({@code http} or {@code https})
   * @param timeout per request
   */
  public HttpRemoteRepository(HttpClient client, URI mirror, Duration timeout) {
    this.client = Objects.requireNonNull(client);
    String s = mirror.toString();
    if (!"http".equals(mirror.getScheme()) && !"https".equals(mirror.getScheme())) {
      throw new IllegalArgumentException("mirror must be an http(s) URL: " + s);
    }
    if (mirror.getRawQuery() != null || mirror.getRawFragment() != null) {
      throw new IllegalArgumentException("mirror URL must not have a query or fragment: " + s);
    }
    this.mirror = s.endsWith("/") ? s : s + "/";
    this.timeout = Objects.requireNonNull(timeout);
  }

  @Override
  public Optional<byte[]> fetch(String path, long maxLength) throws IOException {
    URI uri = URI.create(mirror + encodePath(path));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + uri, e);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 404 || status == 403) {
        return Optional.empty();
      }
      if (status != 200) {
        throw new IOException("HTTP status " + status + " for " + uri);
      }
      OptionalLong declared = response.headers().firstValueAsLong("content-length");
      if (declared.isPresent() && declared.getAsLong() > maxLength) {
        throw new FetchTooLargeException(path, maxLength);
      }
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxLength + 1));
      if (bytes.length > maxLength) {
        throw new FetchTooLargeException(path, maxLength);
      }
      return Optional.of(bytes);
    }
  }

  /** Percent-encodes each path segment (target names may hold any character but '/'). */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0) {
        out.append('/');
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("path segment " + segment + " is not allowed");
      }
      out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }
}
