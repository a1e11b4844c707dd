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
  private final Path dataDir;
  private final Path stderr;
  private final Thread killer;

  private ServerProcess(Process process, URI baseUrl, Path dataDir, Path stderr, Thread killer) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.dataDir = dataDir;
    this.stderr = stderr;
    this.killer = killer;
  }

  /** JVM options used when none are given: a modest heap, so that several servers fit. */
  public static List<String> defaultJvmOptions() {
    return List.of("-Xms128m", "-Xmx768m", "-XX:+UseParallelGC");
  }

  /**
   * Every server also hosts the Rekor v1 log: unless the caller set it, give it the ECDSA key next
   * to the v2 key file (created once), so that processes sharing a database share the v1 log's key
   * too.
   */
  private static Map<String, String> withV1Key(Map<String, String> env) throws IOException {
    Map<String, String> out = new java.util.HashMap<>(env);
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

  /**
   * Starts {@code hallmark up --data-dir dataDir} with {@code env} added to this JVM's environment
   * and waits until it answers 200 on {@code /readyz}.
   *
   * <p>Ports the caller does not set ({@code HALLMARK_REKOR_V2_PORT}, {@code
   * HALLMARK_REKOR_V1_PORT}, {@code HALLMARK_CTLOG_PORT}, {@code HALLMARK_OIDC_PORT}, {@code
   * HALLMARK_CA_PORT}) are picked with {@link #freePort}, so that servers never fight over the
   * fixed defaults. Such a port can be taken by another process before the server binds it: if the
   * server then exits with "Address already in use", it is started again with newly picked ports,
   * at most {@value #PORT_RETRIES} more times. A port the caller set is never changed (the error is
   * then thrown at once).
   *
   * @param env HALLMARK_* settings (database URL, port, key file, ...)
   * @throws IOException if the process exits, or is not ready within {@code timeout} (it is then
   *     killed); the message carries the end of its stderr
   */
  public static ServerProcess start(
      Path dataDir, Map<String, String> env, List<String> jvmOptions, Duration timeout)
      throws IOException, InterruptedException {
    Map<String, String> base = withV1Key(env);
    for (int attempt = 0; ; attempt++) {
      Map<String, String> withPorts = new java.util.HashMap<>(base);
      boolean picked = false;
      List<String> fixed = new ArrayList<>();
      for (String port : PORTS) {
        if (withPorts.containsKey(port)) {
          fixed.add(withPorts.get(port));
        } else {
          withPorts.put(port, Integer.toString(freePort()));
          picked = true;
        }
      }
      try {
        return startOnce(dataDir, withPorts, jvmOptions, timeout);
      } catch (ExitedEarly e) {
        if (!picked || attempt >= PORT_RETRIES || !e.portTaken() || anyTaken(fixed)) {
          throw e;
        }
        System.err.println(
            "[ServerProcess] a picked port was taken before the server bound it; retrying");
      }
    }
  }

  /** Whether one of these ports (decimal strings) cannot be bound now: then no retry helps. */
  private static boolean anyTaken(List<String> ports) {
    for (String port : ports) {
      try {
        new java.net.ServerSocket(Integer.parseInt(port)).close();
      } catch (IOException | RuntimeException e) {
        return true;
      }
    }
    return false;
  }

  /** The server's listening ports that {@link #start} picks when the caller leaves them unset. */
  private static final List<String> PORTS =
      List.of(
          "HALLMARK_REKOR_V2_PORT",
          "HALLMARK_REKOR_V1_PORT",
          "HALLMARK_CTLOG_PORT",
          "HALLMARK_OIDC_PORT",
          "HALLMARK_CA_PORT",
          "HALLMARK_TSA_PORT",
          "HALLMARK_TRUST_PORT",
          "HALLMARK_ANALYZER_PORT");

  /** How many times {@link #start} starts again after a picked port was taken. */
  static final int PORT_RETRIES = 3;

  private static ServerProcess startOnce(
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
    pb.environment().putAll(env);
    Process process = pb.start();
    Thread killer = new Thread(process::destroyForcibly, "kill-server-" + process.pid());
    Runtime.getRuntime().addShutdownHook(killer);
    try {
      URI url = awaitReady(process, dataDir, stdout, stderr, timeout);
      return new ServerProcess(process, url, dataDir, stderr, killer);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      removeHook(killer);
      throw e;
    }
  }

  /** The server process exited before it was ready. */
  private static final class ExitedEarly extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path stderr;

    ExitedEarly(String message, Path stderr) {
      super(message);
      this.stderr = stderr;
    }

    /** Whether it failed to bind a port (its whole stderr, not just the tail in the message). */
    boolean portTaken() {
      try {
        return Files.readString(stderr, StandardCharsets.UTF_8).contains("Address already in use");
      } catch (IOException e) {
        return false;
      }
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
        throw new ExitedEarly(
            "server exited with status " + process.exitValue() + ": " + tail(stderr, 2000), stderr);
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

  /**
   * An endpoint from the server's {@code endpoints.json}, e.g. {@code rekorV1Url}.
   *
   * @throws IOException if the file cannot be read or has no such endpoint
   */
  public URI endpoint(String name) throws IOException {
    JsonNode url =
        new ObjectMapper().readTree(dataDir.resolve("endpoints.json").toFile()).get(name);
    if (url == null) {
      throw new IOException("no " + name + " in " + dataDir.resolve("endpoints.json"));
    }
    return URI.create(url.asText());
  }

  /** The server's data directory (e.g. {@code rekor-v1-log.pub} is there). */
  public Path dataDir() {
    return dataDir;
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
