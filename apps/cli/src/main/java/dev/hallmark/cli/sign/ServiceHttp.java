package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Posts one request to a signing service and reads a bounded answer. Refusals become a {@link
 * ServiceException} naming the service, the HTTP status and the problem detail the service gave.
 */
final class ServiceHttp {
  private static final int MAX_RESPONSE = 4 << 20;

  private final HttpClient client;
  private final Duration timeout;
  private final ObjectMapper mapper;

  ServiceHttp(HttpClient client, Duration timeout, ObjectMapper mapper) {
    this.client = client;
    this.timeout = timeout;
    this.mapper = mapper;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** A service's answer. */
  record Answer(int status, Optional<String> location, byte[] body) {}

  /** POSTs {@code body}; returns the answer if its status is one of {@code ok}. */
  byte[] post(
      String service, URI uri, String contentType, String accept, byte[] body, Set<Integer> ok)
      throws ServiceException {
    return check(service, uri, exchange(service, post(uri, contentType, accept, body)), ok).body();
  }

  /** POSTs {@code body} and returns whatever the service answered. */
  Answer postForAnswer(String service, URI uri, String contentType, String accept, byte[] body)
      throws ServiceException {
    return exchange(service, post(uri, contentType, accept, body));
  }

  /** GETs JSON; the answer must have status 200. */
  JsonNode getJson(String service, URI uri) throws ServiceException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("accept", "application/json")
            .GET()
            .build();
    return json(service, check(service, uri, exchange(service, request), Set.of(200)).body());
  }

  private HttpRequest post(URI uri, String contentType, String accept, byte[] body) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("content-type", contentType)
        .header("accept", accept)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private Answer exchange(String service, HttpRequest request) throws ServiceException {
    URI uri = request.uri();
    HttpResponse<InputStream> response;
    byte[] answer;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        answer = in.readNBytes(MAX_RESPONSE + 1);
      }
    } catch (IOException e) {
      throw new ServiceException(
          "cannot reach the " + service + " at " + uri + ": " + reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException("interrupted while calling the " + service, e);
    }
    if (answer.length > MAX_RESPONSE) {
      throw new ServiceException("the " + service + "'s answer exceeds " + MAX_RESPONSE + " bytes");
    }
    return new Answer(response.statusCode(), response.headers().firstValue("location"), answer);
  }

  /** The answer if its status is one of {@code ok}. @throws ServiceException naming the refusal */
  Answer check(String service, URI uri, Answer answer, Set<Integer> ok) throws ServiceException {
    if (!ok.contains(answer.status())) {
      throw new ServiceException(
          "the "
              + service
              + " at "
              + uri
              + " refused (HTTP "
              + answer.status()
              + ")"
              + detail(answer.body()));
    }
    return answer;
  }

  /** POSTs JSON and parses the JSON answer. */
  JsonNode postJson(String service, URI uri, Object body, Set<Integer> ok) throws ServiceException {
    byte[] request;
    try {
      request = mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("request cannot be serialized", e);
    }
    byte[] answer = post(service, uri, "application/json", "application/json", request, ok);
    return json(service, answer);
  }

  /** Parses a JSON object answer. */
  JsonNode json(String service, byte[] answer) throws ServiceException {
    try {
      JsonNode json = mapper.readTree(answer);
      if (json == null || !json.isObject()) {
        throw new ServiceException("the " + service + "'s answer is not a JSON object");
      }
      return json;
    } catch (IOException e) {
      throw new ServiceException("the " + service + "'s answer is not JSON", e);
    }
  }

  private String detail(byte[] answer) {
    try {
      JsonNode json = mapper.readTree(answer);
      for (String field : new String[] {"detail", "message", "error_description"}) {
        JsonNode d = json == null ? null : json.get(field);
        if (d != null && d.isTextual()) {
          return ": " + d.asText().replace('\n', ' ');
        }
      }
    } catch (IOException e) {
      // not JSON: no detail to show
    }
    return "";
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    if (e instanceof javax.net.ssl.SSLHandshakeException) {
      return "TLS handshake failed (is the CA's TLS certificate trusted? see --ca-tls-cert): " + m;
    }
    return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
