package dev.hallmark.bench;

import dev.hallmark.testkit.LogKeyFile;
import dev.hallmark.testkit.ServerProcess;
import dev.hallmark.testkit.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options and the server start the single-endpoint loads (CA, TSA) share: a server in a child
 * JVM on a fresh database of the shared PostgreSQL, with the caller's extra settings.
 */
final class ServerOptions {
  @Option(names = "--max-concurrency", defaultValue = "64", description = "In flight for 'max'.")
  int maxConcurrency;

  @Option(names = "--max-outstanding", defaultValue = "4096", description = "Open-loop cap.")
  int maxOutstanding;

  @Option(names = "--event-loops", defaultValue = "1", description = "Generator I/O threads.")
  int eventLoops;

  @Option(
      names = "--server-jvm-option",
      description = "Extra JVM option for the server (repeatable), e.g. for JFR.")
  List<String> serverJvmOptions = new ArrayList<>();

  @Option(names = "--server-env", description = "KEY=VALUE for the server (repeatable).")
  Map<String, String> serverEnv = new HashMap<>();

  /** Starts the server ({@code tag} names its temporary directory) with {@code settings} added. */
  ServerProcess start(SharedPostgres postgres, String tag, Map<String, String> settings)
      throws Exception {
    Path dir = Files.createTempDirectory("hallmark-" + tag);
    Path key = dir.resolve("log-key.pem");
    LogKeyFile.create(key, new SecureRandom());
    Map<String, String> env = new HashMap<>(postgres.serverEnv(postgres.freshDatabaseUrl()));
    env.put("HALLMARK_REKOR_V2_KEY_FILE", key.toString());
    env.putAll(settings);
    env.putAll(serverEnv);
    List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx2g", "-XX:+UseParallelGC"));
    jvm.addAll(serverJvmOptions);
    System.err.println(
        "[" + tag + "] starting a server (data in " + dir + ", JVM options " + jvm + ")");
    return ServerProcess.start(dir.resolve("server"), env, jvm, Duration.ofSeconds(90));
  }
}
