package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.JwksException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** One bounded GET of a JSON document: https only (plain http only on loopback), size-limited. */
public final class HttpFetch {
  private final HttpClient client;
  private final Duration timeout;
  private final int maxBytes;

  /** A fetcher over {@code client} with a per-request timeout and a body size limit. */
  public HttpFetch(HttpClient client, Duration timeout, int maxBytes) {
    this.client = client;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  /**
   * Checks that {@code url} is https, or http to a loopback host (local issuers in tests and {@code
   * hallmark up}).
   *
   * @throws JwksException otherwise
   */
  public static URI checkUrl(String url) throws JwksException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new JwksException("\"" + url + "\" is not a URL", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new JwksException("\"" + url + "\" is not an http(s) URL");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new JwksException("\"" + url + "\" must use https (http is allowed only on loopback)");
    }
    return uri;
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * GETs {@code uri} and returns the body as UTF-8 text.
   *
   * @throws JwksException on a non-200 status, a body over the limit, a timeout or an I/O error
   */
  public String get(URI uri) throws JwksException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new JwksException("GET " + uri + " answered HTTP " + response.statusCode());
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
          throw new JwksException("GET " + uri + ": response larger than " + maxBytes + " bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
      }
    } catch (HttpTimeoutException e) {
      throw new JwksException("GET " + uri + " timed out after " + timeout, e);
    } catch (IOException e) {
      throw new JwksException("GET " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JwksException("interrupted during GET " + uri, e);
    }
  }
}
