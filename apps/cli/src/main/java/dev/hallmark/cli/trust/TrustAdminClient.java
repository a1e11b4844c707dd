package dev.hallmark.cli.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Options and calls for the trust service's {@code /admin/} API of a server started with {@code
 * hallmark up}: its URL from the endpoints file, the bearer token from the data directory.
 */
final class TrustAdminClient {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The server's data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of(".hallmark");

  @Option(
      names = "--admin-token",
      paramLabel = "FILE",
      description = "The admin token file (default: <data-dir>/tuf/admin-token).")
  Path tokenFile;

  /** POSTs {@code body} to {@code /admin/<path>}; returns the answer or throws its problem. */
  byte[] post(String path, byte[] body) throws IOException, InterruptedException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode endpoints = mapper.readTree(dataDir.resolve("endpoints.json").toFile());
    JsonNode url = endpoints == null ? null : endpoints.get("tufUrl");
    if (url == null) {
      throw new IOException(
          dataDir.resolve("endpoints.json") + " names no tufUrl: is 'hallmark up' running?");
    }
    Path token = tokenFile != null ? tokenFile : dataDir.resolve("tuf").resolve("admin-token");
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.asText() + "/admin/" + path))
                    .timeout(Duration.ofSeconds(60))
                    .header(
                        "authorization",
                        "Bearer " + Files.readString(token, StandardCharsets.US_ASCII).strip())
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      JsonNode problem;
      try {
        problem = mapper.readTree(r.body());
      } catch (IOException e) {
        problem = null;
      }
      String detail =
          problem != null && problem.has("detail") ? problem.get("detail").asText() : "";
      throw new IOException("the trust service refused (HTTP " + r.statusCode() + "): " + detail);
    }
    return r.body();
  }
}
