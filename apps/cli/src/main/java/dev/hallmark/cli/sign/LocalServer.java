package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a local {@code hallmark up} left in its data directory: {@code endpoints.json} (service
 * URLs) and the CA's self-signed TLS certificate {@code tls/ca-tls.crt}.
 */
final class LocalServer {
  private final Path dataDir;
  private final JsonNode endpoints;

  private LocalServer(Path dataDir, JsonNode endpoints) {
    this.dataDir = dataDir;
    this.endpoints = endpoints;
  }

  /** Reads {@code <dataDir>/endpoints.json} if it exists. */
  static LocalServer in(Path dataDir, ObjectMapper mapper) throws IOException {
    Path file = dataDir.resolve("endpoints.json");
    JsonNode json = null;
    if (Files.exists(file)) {
      try {
        json = mapper.readTree(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return new LocalServer(dataDir, json);
  }

  Optional<URI> url(String name) {
    JsonNode v = endpoints == null ? null : endpoints.get(name);
    return v != null && v.isTextual() ? Optional.of(URI.create(v.asText())) : Optional.empty();
  }

  /** The built-in OIDC issuer's URL, if the local server runs one. */
  Optional<URI> oidcIssuer() {
    return url("oidcIssuerUrl");
  }

  /**
   * The local CA's TLS certificate file, if {@code ca} is the local CA's URL and the file exists.
   */
  Optional<Path> caTlsCertificateFor(URI ca) {
    Path cert = dataDir.resolve("tls").resolve("ca-tls.crt");
    return url("caUrl")
        .filter(local -> same(local, ca))
        .filter(u -> Files.exists(cert))
        .map(u -> cert);
  }

  private static boolean same(URI a, URI b) {
    return a.toString().replaceAll("/+$", "").equals(b.toString().replaceAll("/+$", ""));
  }
}
