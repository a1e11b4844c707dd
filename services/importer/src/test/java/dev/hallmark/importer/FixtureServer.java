package dev.hallmark.importer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server serving files from a map; it logs every GET and can fail paths. */
final class FixtureServer implements AutoCloseable {
  final Map<String, byte[]> files = new ConcurrentHashMap<>();
  final Map<String, Integer> failing = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  FixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path);
          byte[] body = files.get(path);
          Integer status = failing.get(path);
          if (status != null) {
            exchange.sendResponseHeaders(status, -1);
          } else if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void put(String path, byte[] body) {
    files.put(path, body);
  }

  void put(String path, String body) {
    put(path, body.getBytes(StandardCharsets.UTF_8));
  }

  long hits(String path) {
    return requests.stream().filter(path::equals).count();
  }

  static byte[] resource(String path) {
    try (InputStream in = FixtureServer.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
