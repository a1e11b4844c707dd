package dev.hallmark.testkit;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Hallmark server ({@code dev.hallmark.cli.Main up}) running as a child JVM on this JVM's class
 * path, for tests that kill it for real. Its stdout and stderr go to {@code process-N.out} / {@code
 * process-N.err} in the data directory. A shutdown hook kills it if this JVM exits first, so no
 * orphan servers remain.
 */
public final class ServerProcess implements AutoCloseable {
  private static final String READY_LINE = "Hallmark is up.";

  private final Process process;
  private final URI baseUrl;
  private final Path stderr;
  private final Thread killer;

  private ServerProcess(Process process, URI baseUrl, Path stderr, Thread killer) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.stderr = stderr;
    this.killer = killer;
  }

  /** JVM options used when none are given: a modest heap, so that several servers fit. */
  public static List<String> defaultJvmOptions() {
    return List.of("-Xms128m", "-Xmx768m", "-XX:+UseParallelGC");
  }

  /**
   * Starts {@code hallmark up --data-dir dataDir} with {@code env} added to this JVM's environment
   * and waits until it answers 200 on {@code /readyz}.
   *
   * @param env HALLMARK_* settings (database URL, port, key file, ...)
   * @throws IOException if the process exits, or is not ready within {@code timeout} (it is then
   *     killed); the message carries the end of its stderr
   */
  /**
   * Every server also hosts the Rekor v1 log: unless the caller set them, give it a free port and
   * the ECDSA key next to the v2 key file (created once), so that processes sharing a database
   * share the v1 log's key too.
   */
  private static Map<String, String> withV1Log(Map<String, String> env) throws IOException {
    Map<String, String> out = new java.util.HashMap<>(env);
    out.putIfAbsent("HALLMARK_REKOR_V1_PORT", Integer.toString(freePort()));
    String v2Key = env.get("HALLMARK_REKOR_V2_KEY_FILE");
    if (v2Key != null && !out.containsKey("HALLMARK_REKOR_V1_KEY_FILE")) {
      Path v1Key = Path.of(v2Key).resolveSibling("rekor-v1-log.pem");
      synchronized (ServerProcess.class) {
        if (!Files.exists(v1Key)) {
          LogKeyFile.createV1(v1Key, new java.security.SecureRandom());
        }
      }
      out.put("HALLMARK_REKOR_V1_KEY_FILE", v1Key.toString());
    }
    return out;
  }

  public static ServerProcess start(
      Path dataDir, Map<String, String> env, List<String> jvmOptions, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    Path endpoints = dataDir.resolve("endpoints.json");
    Files.deleteIfExists(endpoints);
    int n = 0;
    while (Files.exists(dataDir.resolve("process-" + n + ".out"))) {
      n++;
    }
    Path stdout = dataDir.resolve("process-" + n + ".out");
    Path stderr = dataDir.resolve("process-" + n + ".err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.hallmark.cli.Main");
    command.add("up");
    command.add("--data-dir");
    command.add(dataDir.toAbsolutePath().toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dataDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    pb.environment().putAll(withV1Log(env));
    Process process = pb.start();
    Thread killer = new Thread(process::destroyForcibly, "kill-server-" + process.pid());
    Runtime.getRuntime().addShutdownHook(killer);
    try {
      URI url = awaitReady(process, dataDir, stdout, stderr, timeout);
      return new ServerProcess(process, url, stderr, killer);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      removeHook(killer);
      throw e;
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }

  private static URI awaitReady(
      Process process, Path dataDir, Path stdout, Path stderr, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI url = null;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "server exited with status " + process.exitValue() + ": " + tail(stderr, 2000));
      }
      if (url == null && Files.readString(stdout, StandardCharsets.UTF_8).contains(READY_LINE)) {
        JsonNode json = new ObjectMapper().readTree(dataDir.resolve("endpoints.json").toFile());
        url = URI.create(json.get("rekorV2Url").asText());
      }
      if (url != null && ready(http, url)) {
        return url;
      }
      Thread.sleep(50);
    }
    throw new IOException(
        "server not ready within " + timeout.toMillis() + " ms: " + tail(stderr, 2000));
  }

  private static boolean ready(HttpClient http, URI url) throws InterruptedException {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(url.resolve("/readyz")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A TCP port on localhost that was free a moment ago. (The server cannot yet be given port 0:
   * Armeria rejects a virtual host on port 0.)
   */
  public static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /** The last {@code maxChars} characters of a file, for error messages. */
  static String tail(Path file, int maxChars) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8);
      return s.length() <= maxChars ? s : "..." + s.substring(s.length() - maxChars);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  /** The Rekor v2 base URL, e.g. {@code http://localhost:41234}. */
  public URI baseUrl() {
    return baseUrl;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Where the server's log goes. */
  public Path stderrFile() {
    return stderr;
  }

  /** SIGKILL: no shutdown hooks, no lease release; waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    removeHook(killer);
  }

  /**
   * SIGTERM: graceful shutdown (in-flight requests finish, the lease is released); falls back to
   * SIGKILL after 30 s.
   *
   * @return the exit status
   */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    removeHook(killer);
    return process.exitValue();
  }

  /** Total CPU time the server process has used so far, if the OS reports it. */
  public Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // this JVM is already shutting down: the hook runs anyway and finds the process gone
    }
  }

  /** Stops the server gracefully if it still runs (kills it if interrupted meanwhile). */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        stop();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    removeHook(killer);
  }
}
