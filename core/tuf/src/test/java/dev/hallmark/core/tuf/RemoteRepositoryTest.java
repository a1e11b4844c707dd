package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP and directory remotes: status codes, length limits, path encoding. */
class RemoteRepositoryTest {
  @TempDir Path tmp;
  HttpServer server;
  final List<String> requested = new ArrayList<>();
  HttpRemoteRepository http;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/mirror/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          requested.add(path);
          int status;
          byte[] body = "0123456789".getBytes(StandardCharsets.UTF_8);
          if (path.endsWith("/missing.json")) {
            status = 404;
          } else if (path.endsWith("/forbidden.json")) {
            status = 403;
          } else if (path.endsWith("/broken.json")) {
            status = 500;
          } else {
            status = 200;
          }
          if (path.endsWith("/chunked.json")) {
            exchange.sendResponseHeaders(
                200, 0); // no content-length: the limit applies while reading
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          } else {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
    http =
        new HttpRemoteRepository(
            HttpClient.newHttpClient(),
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mirror"),
            Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsFilesAndMapsStatuses() throws Exception {
    assertThat(http.fetch("1.root.json", 10))
        .hasValue("0123456789".getBytes(StandardCharsets.UTF_8));
    assertThat(http.fetch("missing.json", 10)).isEmpty();
    assertThat(http.fetch("forbidden.json", 10)).isEmpty();
    assertThatThrownBy(() -> http.fetch("broken.json", 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP status 500");
  }

  @Test
  void refusesBodiesOverTheLimitWithOrWithoutContentLength() {
    assertThatThrownBy(() -> http.fetch("1.root.json", 9))
        .isInstanceOf(RemoteRepository.FetchTooLargeException.class)
        .hasMessage("1.root.json is longer than 9 bytes");
    assertThatThrownBy(() -> http.fetch("chunked.json", 9))
        .isInstanceOf(RemoteRepository.FetchTooLargeException.class);
  }

  @Test
  void percentEncodesEachPathSegment() throws Exception {
    http.fetch("targets/dir name/ab.c+d?.json", 10);
    assertThat(requested).containsExactly("/mirror/targets/dir%20name/ab.c%2Bd%3F.json");
    assertThatThrownBy(() -> http.fetch("targets/../x", 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void directoryRemoteReadsInsideItsRootOnly() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(root.resolve("timestamp.json"), "{}");
    Files.writeString(tmp.resolve("secret"), "no");
    DirectoryRemoteRepository dir = new DirectoryRemoteRepository(root);

    assertThat(dir.fetch("timestamp.json", 2)).hasValue("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(dir.fetch("2.root.json", 2)).isEmpty();
    assertThatThrownBy(() -> dir.fetch("timestamp.json", 1))
        .isInstanceOf(RemoteRepository.FetchTooLargeException.class);
    assertThatThrownBy(() -> dir.fetch("../secret", 10)).hasMessageContaining("escapes");
  }
}
