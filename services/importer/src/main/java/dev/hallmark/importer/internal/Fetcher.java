package dev.hallmark.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP(S) GETs with a timeout, a size limit and retries: connection errors, 5xx and 429 are retried
 * {@code retries} times with doubling waits; other answers are final.
 */
public final class Fetcher {
  private static final int BUFFER = 64 * 1024;

  private final HttpClient http;
  private final Duration timeout;
  private final int retries;
  private final Duration backoff;

  public Fetcher(HttpClient http, Duration timeout, int retries, Duration backoff) {
    this.http = http;
    this.timeout = timeout;
    this.retries = retries;
    this.backoff = backoff;
  }

  /** The body, or empty on 404/410. */
  public Optional<byte[]> optional(URI uri, long limit) throws IOException, InterruptedException {
    try {
      return Optional.of(bytes(uri, limit));
    } catch (FetchException e) {
      if (e.status() == 404 || e.status() == 410) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The body; {@link FetchException} for any answer but 200 or a body over {@code limit}. */
  public byte[] bytes(URI uri, long limit) throws IOException, InterruptedException {
    return fetch(
        uri,
        in -> {
          byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
          if (body.length > limit) {
            throw new FetchException(uri + " is larger than the limit of " + limit + " bytes", 200);
          }
          return body;
        });
  }

  /** Downloads to a new file in {@code dir}; the caller deletes it. */
  public Path download(URI uri, long limit, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    return fetch(
        uri,
        in -> {
          Path file = Files.createTempFile(dir, "download-", ".tmp");
          try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
              total += n;
              if (total > limit) {
                throw new FetchException(
                    uri + " is larger than the limit of " + limit + " bytes", 200);
              }
              out.write(buffer, 0, n);
            }
          } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
          }
          return file;
        });
  }

  private interface BodyReader<T> {
    T read(InputStream in) throws IOException;
  }

  private <T> T fetch(URI uri, BodyReader<T> reader) throws IOException, InterruptedException {
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new FetchException("not an http(s) URL: " + uri, 0);
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    Duration wait = backoff;
    for (int attempt = 0; ; attempt++) {
      FetchException failure;
      try {
        HttpResponse<InputStream> response =
            http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          int status = response.statusCode();
          if (status == 200) {
            return reader.read(in);
          }
          failure = new FetchException(uri + " answered HTTP " + status, status);
          if (status != 429 && status < 500) {
            throw failure;
          }
        }
      } catch (FetchException e) {
        throw e;
      } catch (IOException e) {
        failure =
            new FetchException(
                "cannot fetch " + uri + ": " + (e.getMessage() == null ? e : e.getMessage()), 0);
      }
      if (attempt >= retries) {
        throw failure;
      }
      Thread.sleep(wait.toMillis());
      wait = wait.multipliedBy(2);
    }
  }
}
