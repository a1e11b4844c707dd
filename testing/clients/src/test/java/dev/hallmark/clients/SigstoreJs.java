package dev.hallmark.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code node/} ({@code sigstore-js-client.js}, {@code sigstore-js-keyless.js};
 * sigstore-js installed by {@code scripts/install-test-clients.sh}) with one request and returns
 * its JSON report.
 */
final class SigstoreJs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 60;

  private final Path nodeDir;

  SigstoreJs(Path nodeDir) {
    this.nodeDir = nodeDir;
  }

  /** The {@code node/} directory of this module (set by Surefire, else relative to the module). */
  static SigstoreJs installed() {
    Path dir = Path.of(System.getProperty("hallmark.clients.node.dir", "node")).toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules/@sigstore/sign"))) {
      throw new IllegalStateException(
          "sigstore-js is not installed in " + dir + ": run scripts/install-test-clients.sh");
    }
    return new SigstoreJs(dir);
  }

  /** A request with the fields every mode needs. */
  ObjectNode request() {
    return JSON.createObjectNode();
  }

  /**
   * Runs the client; the report is {@code {ok: true, kindVersion, logIndex, checks}} or {@code {ok:
   * false, stage, code, message}}.
   *
   * @throws IOException if node fails to run or prints no JSON
   */
  JsonNode run(ObjectNode request, Path workDir) throws IOException, InterruptedException {
    return run("sigstore-js-client.js", request, workDir);
  }

  /**
   * Runs {@code node/<script>} with the request; the report is its last stdout line.
   *
   * @throws IOException if node fails to run or prints no JSON
   */
  JsonNode run(String script, ObjectNode request, Path workDir)
      throws IOException, InterruptedException {
    return run(script, request, workDir, Map.of());
  }

  /**
   * As {@link #run(String, ObjectNode, Path)}, with {@code env} added to node's environment (e.g.
   * {@code NODE_EXTRA_CA_CERTS}).
   */
  JsonNode run(String script, ObjectNode request, Path workDir, Map<String, String> env)
      throws IOException, InterruptedException {
    Path requestFile = Files.createTempFile(workDir, "sigstore-js-request-", ".json");
    Files.writeString(requestFile, JSON.writeValueAsString(request), StandardCharsets.UTF_8);
    Path stderr = Files.createTempFile(workDir, "sigstore-js-", ".err");
    ProcessBuilder pb =
        new ProcessBuilder("node", nodeDir.resolve(script).toString(), requestFile.toString())
            .directory(nodeDir.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("sigstore-js did not finish within " + TIMEOUT_SECONDS + " s");
    }
    String text = new String(out, StandardCharsets.UTF_8).trim();
    String lastLine = text.substring(text.lastIndexOf('\n') + 1);
    if (!lastLine.startsWith("{")) {
      throw new IOException(
          "sigstore-js exited "
              + p.exitValue()
              + " without a report; stdout: "
              + text
              + "; stderr: "
              + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return JSON.readTree(lastLine);
  }
}
