package dev.hallmark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hallmark.testkit.HashedRekordFactory;
import dev.hallmark.testkit.HashedRekordRequest;
import dev.hallmark.testkit.LogKeyFile;
import dev.hallmark.testkit.ServerProcess;
import dev.hallmark.testkit.SharedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Posts real ECDSA-signed hashedrekord entries over HTTP at fixed offered rates and reports
 * sustained entries/s, latency from request to inclusion proof, and concurrent read throughput.
 */
@Command(
    name = "load-generator",
    mixinStandardHelpOptions = true,
    description = {
      "Open-loop load on a Hallmark Rekor v2 (or v1) log: one step per offered rate, then a",
      "reads-only step. Without --url it starts its own server on an embedded PostgreSQL (fsync",
      "on)."
    })
public final class LoadGenerator implements Callable<Integer> {
  /** Which write API to load. */
  enum Api {
    v1,
    v2
  }

  @Option(
      names = "--url",
      description = "Base URL of a running server's log of the chosen --api (v1: its v1 port).")
  URI url;

  @Option(
      names = "--api",
      defaultValue = "v2",
      description =
          "v2 (POST /api/v2/log/entries) or v1 (hashedrekord 0.0.1 to POST /api/v1/log/entries;"
              + " writes only) (default: ${DEFAULT-VALUE}).")
  Api api;

  @Option(
      names = "--v1-log-key",
      description =
          "v1 with --url: the log's PEM public key file to check SETs and checkpoints with"
              + " (default: fetched from /api/v1/log/publicKey).")
  Path v1LogKey;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "500,1000,2000,3000,5000,max",
      description = "Offered rates in entries/s; 'max' = closed loop (default: ${DEFAULT-VALUE}).")
  List<String> rates;

  @Option(names = "--duration-seconds", defaultValue = "10", description = "Seconds per step.")
  int duration;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "Unreported warm-up (JIT) before the first step (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--warmup-rate",
      defaultValue = "0",
      description = "Warm-up entries/s (default: the first rate, at least 1000).")
  int warmupRate;

  @Option(
      names = "--read-concurrency",
      defaultValue = "32",
      description = "Reads in flight throughout (0: no readers; default: ${DEFAULT-VALUE}).")
  int readConcurrency;

  @Option(names = "--max-concurrency", defaultValue = "256", description = "In flight for 'max'.")
  int maxConcurrency;

  @Option(names = "--max-outstanding", defaultValue = "4096", description = "Open-loop cap.")
  int maxOutstanding;

  @Option(
      names = "--max-rate-guess",
      defaultValue = "8000",
      description = "Entries/s to pre-sign for 'max'.")
  int maxRateGuess;

  @Option(
      names = "--protocol",
      defaultValue = "h1",
      description =
          "h1 (HTTP/1.1 keep-alive) or h2 (h2c, prior knowledge) (default: ${DEFAULT-VALUE}).")
  Transport.Protocol protocol;

  @Option(
      names = "--connections",
      defaultValue = "1",
      description = "h2: connections to spread requests over (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--event-loops",
      defaultValue = "1",
      description = "Generator I/O threads (default: ${DEFAULT-VALUE}).")
  int eventLoops;

  @Option(
      names = "--server-jvm-option",
      description = "Extra JVM option for the server this tool starts (repeatable), e.g. for JFR.")
  List<String> serverJvmOptions = new ArrayList<>();

  @Option(
      names = "--server-env",
      description =
          "KEY=VALUE for the server this tool starts (e.g. HALLMARK_TLOG_BATCH_SIZE=500).")
  Map<String, String> serverEnv = new HashMap<>();

  @Option(names = "--output", defaultValue = "text", description = "text or json.")
  String output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenerator()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (api == Api.v1 && readConcurrency > 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--api v1 loads writes only (the readers fetch v2 tiles): add --read-concurrency 0");
    }
    SharedPostgres postgres = null;
    ServerProcess server = null;
    try {
      URI target = url;
      if (target == null) {
        postgres =
            SharedPostgres.start(
                Map.of("shared_buffers", "256MB", "max_wal_size", "4GB", "wal_buffers", "16MB"));
        server = startServer(postgres);
        target = api == Api.v1 ? server.endpoint("rekorV1Url") : server.baseUrl();
      }
      AnswerCheck check =
          api == Api.v1 ? AnswerCheck.v1(v1LogKey(server, target)) : AnswerCheck.v2();
      ServerProcess own = server;
      CpuMeter cpu =
          new CpuMeter(
              () -> own == null ? Duration.ZERO : own.cpuTime(),
              postgres == null ? null : postgres.postmaster());
      List<StepResult> results = run(target, check, cpu);
      print(results);
      return results.stream().anyMatch(r -> r.errors() > 0) ? 3 : 0;
    } finally {
      if (server != null) {
        server.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private ServerProcess startServer(SharedPostgres postgres) throws Exception {
    Path dir = Files.createTempDirectory("hallmark-load");
    Path key = dir.resolve("log-key.pem");
    LogKeyFile.create(key, new SecureRandom());
    Map<String, String> env = new HashMap<>(postgres.serverEnv(postgres.freshDatabaseUrl()));
    env.put("HALLMARK_REKOR_V2_KEY_FILE", key.toString());
    env.putAll(serverEnv);
    List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx2g", "-XX:+UseParallelGC"));
    jvm.addAll(serverJvmOptions);
    log("starting a server (data in " + dir + ", JVM options " + jvm + ")");
    return ServerProcess.start(dir.resolve("server"), env, jvm, Duration.ofSeconds(90));
  }

  /** The v1 log's public key: from the server's data directory, a file, or the server. */
  private String v1LogKey(ServerProcess server, URI target) throws Exception {
    if (server != null) {
      return Files.readString(server.dataDir().resolve("rekor-v1-log.pub"));
    }
    if (v1LogKey != null) {
      return Files.readString(v1LogKey);
    }
    log("v1 log key: trusting the one the server serves at /api/v1/log/publicKey");
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(target.resolve("/api/v1/log/publicKey")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private List<StepResult> run(URI target, AnswerCheck check, CpuMeter cpu) throws Exception {
    Map<String, List<byte[]>> work = pregenerate();
    List<StepResult> results = new ArrayList<>();
    log(
        "api "
            + api
            + " at "
            + target
            + ", transport: "
            + protocol
            + ", "
            + eventLoops
            + " event loop(s), read concurrency "
            + readConcurrency);
    String path = api == Api.v1 ? Transport.V1_ENTRIES_PATH : Transport.ENTRIES_PATH;
    try (Transport http = new Transport(target, path, protocol, eventLoops, connections);
        Readers reading = new Readers(http, readConcurrency)) {
      for (Map.Entry<String, List<byte[]>> step : work.entrySet()) {
        StepResult r = step(http, check, step.getKey(), step.getValue(), reading, cpu);
        if (!step.getKey().equals("warmup")) {
          results.add(r);
        }
        log(r.line());
      }
      if (readConcurrency > 0) {
        results.add(readsOnly(reading, cpu));
      }
      if (reading.firstError() != null) {
        log("first read error: " + reading.firstError());
      }
    }
    return results;
  }

  /** Signs every request of every step before anything is timed. */
  private Map<String, List<byte[]>> pregenerate() {
    HashedRekordFactory factory = new HashedRekordFactory(new SecureRandom(), 4);
    Map<String, List<byte[]>> work = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    if (warmup > 0) {
      work.put("warmup", bodies(factory, warmupRate() * warmup));
    }
    for (String rate : rates) {
      int perSecond = rate.equals("max") ? maxRateGuess : Integer.parseInt(rate);
      work.put(rate, bodies(factory, perSecond * duration));
    }
    int total = work.values().stream().mapToInt(List::size).sum();
    log(String.format("pre-signed %d requests in %.1f s", total, (System.nanoTime() - t0) / 1e9));
    return work;
  }

  /** The warm-up rate: as asked, else the first rate but at least 1,000/s. */
  private int warmupRate() {
    if (warmupRate > 0) {
      return warmupRate;
    }
    String first = rates.get(0);
    return first.equals("max") ? 1000 : Math.max(1000, Integer.parseInt(first));
  }

  private List<byte[]> bodies(HashedRekordFactory factory, int n) {
    List<HashedRekordRequest> requests =
        api == Api.v1 ? factory.generateV1(n) : factory.generate(n);
    return requests.stream().map(HashedRekordRequest::json).collect(Collectors.toList());
  }

  private StepResult step(
      Transport http,
      AnswerCheck check,
      String name,
      List<byte[]> requests,
      Readers reading,
      CpuMeter cpu)
      throws InterruptedException {
    LoadStep step = new LoadStep(http, check, requests);
    Marks marks = new Marks(reading, cpu);
    LoadStep.Outcome o;
    int offered;
    if (name.equals("max")) {
      offered = -1;
      o = step.closedLoop(maxConcurrency, TimeUnit.SECONDS.toNanos(duration));
    } else {
      offered = name.equals("warmup") ? warmupRate() : Integer.parseInt(name);
      o = step.openLoop(offered, maxOutstanding);
    }
    if (step.firstError() != null) {
      log(name + ": first error: " + step.firstError());
    }
    return marks.result(name, offered, o);
  }

  private StepResult readsOnly(Readers reading, CpuMeter cpu) throws InterruptedException {
    Marks marks = new Marks(reading, cpu);
    long t0 = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
    long nanos = System.nanoTime() - t0;
    StepResult r =
        marks.result(
            "reads-only",
            0,
            new LoadStep.Outcome(0, 0, 0, 0, nanos, new Latencies(new long[0], 0)));
    log(r.line());
    return r;
  }

  /** Reader counters and CPU times at the start of a step. */
  private static final class Marks {
    private final Readers reading;
    private final CpuMeter cpu;
    private final long reads0;
    private final long errors0;
    private final long[] latencies0;
    private final long[] cpu0;

    Marks(Readers reading, CpuMeter cpu) {
      this.reading = reading;
      this.cpu = cpu;
      reads0 = reading.reads();
      errors0 = reading.errors();
      latencies0 = reading.latencies();
      cpu0 = cpu.sample();
    }

    StepResult result(String name, int offered, LoadStep.Outcome o) {
      double[] cores = CpuMeter.cores(cpu0, cpu.sample(), o.nanos());
      long[] latencies1 = reading.latencies();
      double seconds = o.nanos() / 1e9;
      Latencies l = o.latencies();
      return new StepResult(
          name,
          offered,
          seconds,
          o.sent(),
          o.created(),
          o.created() / seconds,
          o.errors(),
          o.verified(),
          l.millis(0.50),
          l.millis(0.90),
          l.millis(0.99),
          l.millis(1.0),
          (reading.reads() - reads0) / seconds,
          reading.errors() - errors0,
          Histogram.millis(latencies0, latencies1, 0.50),
          Histogram.millis(latencies0, latencies1, 0.99),
          cores[0],
          cores[1],
          cores[2]);
    }
  }

  private void print(List<StepResult> results) throws Exception {
    if (output.equals("json")) {
      System.out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(
                  Map.of(
                      "api",
                      api,
                      "protocol",
                      protocol,
                      "readConcurrency",
                      readConcurrency,
                      "steps",
                      results)));
      return;
    }
    System.out.println(StepResult.header());
    results.forEach(r -> System.out.println(r.line()));
  }

  private static void log(String message) {
    System.err.println("[load] " + message);
  }
}
