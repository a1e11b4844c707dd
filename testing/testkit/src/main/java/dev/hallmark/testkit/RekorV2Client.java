package dev.hallmark.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.tlog.TilePaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal Rekor v2 client over {@link HttpClient}: submit entries, read the checkpoint, tiles and
 * entry bundles. Thread-safe.
 */
public final class RekorV2Client {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI base;
  private final ObjectMapper mapper = new ObjectMapper();

  /** A client for the log at {@code baseUrl} (scheme://host:port, no path). */
  public RekorV2Client(HttpClient http, URI baseUrl) {
    this.http = http;
    this.base = baseUrl;
  }

  /** A client with its own HTTP/1.1 {@link HttpClient}. */
  public static RekorV2Client create(URI baseUrl) {
    return new RekorV2Client(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build(),
        baseUrl);
  }

  public URI baseUrl() {
    return base;
  }

  /** Submits an entry and waits for the answer. */
  public PostResult post(HashedRekordRequest request) throws IOException, InterruptedException {
    return parse(http.send(postRequest(request), HttpResponse.BodyHandlers.ofByteArray()));
  }

  /**
   * Submits an entry, retrying on 503 and on broken connections (what real clients do) every 100 ms
   * until it is created or {@code budget} is spent; returns the last answer.
   *
   * @throws IOException if the last attempt could not connect
   */
  public PostResult postRetrying(HashedRekordRequest request, Duration budget)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + budget.toNanos();
    while (true) {
      try {
        PostResult r = post(request);
        if (r.status() != 503 || System.nanoTime() > deadline) {
          return r;
        }
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      Thread.sleep(100);
    }
  }

  /** Submits an entry; the future fails with an IOException if the connection does. */
  public CompletableFuture<PostResult> postAsync(HashedRekordRequest request) {
    return http.sendAsync(postRequest(request), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(this::parse);
  }

  /** Submits an entry, completing with just the status (for load generation). */
  public CompletableFuture<HttpResponse<byte[]>> postRaw(HashedRekordRequest request) {
    return http.sendAsync(postRequest(request), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest postRequest(HashedRekordRequest request) {
    return HttpRequest.newBuilder(base.resolve("/api/v2/log/entries"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.jsonView()))
        .build();
  }

  /** Parses a response to an entry submission. */
  public PostResult parse(HttpResponse<byte[]> response) {
    byte[] bytes = response.body();
    if (response.statusCode() != 201) {
      return new PostResult(response.statusCode(), null, new String(bytes, StandardCharsets.UTF_8));
    }
    try {
      JsonNode json = mapper.readTree(bytes);
      JsonNode proof = json.get("inclusionProof");
      List<Hash> hashes = new ArrayList<>();
      for (JsonNode h : proof.path("hashes")) {
        hashes.add(Hash.fromBase64(h.asText()));
      }
      LoggedEntry entry =
          new LoggedEntry(
              Long.parseLong(json.get("logIndex").asText()),
              Long.parseLong(proof.get("treeSize").asText()),
              Hash.fromBase64(proof.get("rootHash").asText()),
              hashes,
              proof.get("checkpoint").get("envelope").asText(),
              Base64.getDecoder().decode(json.get("canonicalizedBody").asText()));
      return new PostResult(201, entry, null);
    } catch (IOException | RuntimeException e) {
      return new PostResult(
          201,
          null,
          "malformed 201 body (" + e + "): " + new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /** The signed checkpoint note. */
  public String checkpoint() throws IOException, InterruptedException {
    HttpResponse<byte[]> r = get("/checkpoint");
    if (r.statusCode() != 200) {
      throw new IOException("GET /checkpoint: HTTP " + r.statusCode());
    }
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** A hash tile ({@code width} 256 = full); empty on 404. */
  public Optional<byte[]> tile(int level, long index, int width)
      throws IOException, InterruptedException {
    return optional(get(tilePath(level, index, width)));
  }

  /** An entry bundle ({@code width} 256 = full); empty on 404. */
  public Optional<byte[]> entryBundle(long index, int width)
      throws IOException, InterruptedException {
    return optional(get(bundlePath(index, width)));
  }

  /** {@code /tile/<L>/<N>[.p/<W>]}. */
  public static String tilePath(int level, long index, int width) {
    return "/tile/"
        + level
        + "/"
        + TilePaths.encodeIndex(index)
        + (width == 256 ? "" : ".p/" + width);
  }

  /** {@code /tile/entries/<N>[.p/<W>]}. */
  public static String bundlePath(long index, int width) {
    return "/tile/entries/" + TilePaths.encodeIndex(index) + (width == 256 ? "" : ".p/" + width);
  }

  private static Optional<byte[]> optional(HttpResponse<byte[]> r) throws IOException {
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw new IOException(
          "HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
    }
    return Optional.of(r.body());
  }

  /** GET of any path on the log's origin. */
  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return http.send(getRequest(path), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Asynchronous GET of any path on the log's origin. */
  public CompletableFuture<HttpResponse<byte[]>> getAsync(String path) {
    return http.sendAsync(getRequest(path), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest getRequest(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
  }
}
