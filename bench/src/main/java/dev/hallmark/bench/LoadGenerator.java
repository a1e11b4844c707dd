package dev.hallmark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hallmark.testkit.HashedRekordFactory;
import dev.hallmark.testkit.HashedRekordRequest;
import dev.hallmark.testkit.LogKeyFile;
import dev.hallmark.testkit.RekorV2Client;
import dev.hallmark.testkit.ServerProcess;
import dev.hallmark.testkit.SharedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
      "Open-loop load on a Hallmark Rekor v2 log: one step per offered rate, then a reads-only",
      "step. Without --url it starts its own server on an embedded PostgreSQL (fsync on)."
    })
public final class LoadGenerator implements Callable<Integer> {
  @Option(names = "--url", description = "Rekor v2 base URL of a running server.")
  URI url;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "500,1000,2000,3000,5000,max",
      description = "Offered rates in entries/s; 'max' = closed loop (default: ${DEFAULT-VALUE}).")
  List<String> rates;

  @Option(names = "--duration-seconds", defaultValue = "10", description = "Seconds per step.")
  int duration;

  @Option(names = "--warmup-seconds", defaultValue = "5", description = "Unreported warm-up.")
  int warmup;

  @Option(names = "--readers", defaultValue = "2", description = "Reader threads.")
  int readers;

  @Option(names = "--max-concurrency", defaultValue = "256", description = "In flight for 'max'.")
  int maxConcurrency;

  @Option(names = "--max-outstanding", defaultValue = "4096", description = "Open-loop cap.")
  int maxOutstanding;

  @Option(
      names = "--max-rate-guess",
      defaultValue = "8000",
      description = "Entries/s to pre-sign for 'max'.")
  int maxRateGuess;

  @Option(names = "--http2", description = "Use HTTP/2 (h2c upgrade) instead of HTTP/1.1.")
  boolean http2;

  @Option(
      names = "--server-env",
      description =
          "KEY=VALUE for the server this tool starts (e.g. HALLMARK_REKOR_V2_BATCH_SIZE=500).")
  Map<String, String> serverEnv = new HashMap<>();

  @Option(names = "--output", defaultValue = "text", description = "text or json.")
  String output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenerator()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    SharedPostgres postgres = null;
    ServerProcess server = null;
    try {
      URI target = url;
      if (target == null) {
        postgres =
            SharedPostgres.start(
                Map.of("shared_buffers", "256MB", "max_wal_size", "4GB", "wal_buffers", "16MB"));
        server = startServer(postgres);
        target = server.baseUrl();
      }
      ServerProcess own = server;
      CpuMeter cpu =
          new CpuMeter(
              () -> own == null ? Duration.ZERO : own.cpuTime(),
              postgres == null ? null : postgres.postmaster());
      List<StepResult> results = run(target, cpu);
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
    env.put("HALLMARK_REKOR_V2_PORT", Integer.toString(ServerProcess.freePort()));
    env.put("HALLMARK_REKOR_V2_KEY_FILE", key.toString());
    env.putAll(serverEnv);
    log("starting a server (data in " + dir + ")");
    return ServerProcess.start(
        dir.resolve("server"),
        env,
        List.of("-Xms512m", "-Xmx2g", "-XX:+UseParallelGC"),
        Duration.ofSeconds(90));
  }

  private List<StepResult> run(URI target, CpuMeter cpu) throws Exception {
    ExecutorService callbacks = Executors.newFixedThreadPool(2);
    HttpClient http =
        HttpClient.newBuilder()
            .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .executor(callbacks)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    RekorV2Client client = new RekorV2Client(http, target);
    Map<String, List<HashedRekordRequest>> work = pregenerate();
    List<StepResult> results = new ArrayList<>();
    try (Readers reading = new Readers(client, readers)) {
      for (Map.Entry<String, List<HashedRekordRequest>> step : work.entrySet()) {
        StepResult r = step(client, step.getKey(), step.getValue(), reading, cpu);
        if (!step.getKey().equals("warmup")) {
          results.add(r);
        }
        log(r.line());
      }
      results.add(readsOnly(reading, cpu));
    } finally {
      callbacks.shutdownNow();
    }
    return results;
  }

  /** Signs every request of every step before anything is timed. */
  private Map<String, List<HashedRekordRequest>> pregenerate() {
    HashedRekordFactory factory = new HashedRekordFactory(new SecureRandom(), 4);
    Map<String, List<HashedRekordRequest>> work = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    int firstRate = rates.get(0).equals("max") ? 500 : Integer.parseInt(rates.get(0));
    if (warmup > 0) {
      work.put("warmup", factory.generate(firstRate * warmup));
    }
    for (String rate : rates) {
      int perSecond = rate.equals("max") ? maxRateGuess : Integer.parseInt(rate);
      work.put(rate, factory.generate(perSecond * duration));
    }
    int total = work.values().stream().mapToInt(List::size).sum();
    log(String.format("pre-signed %d requests in %.1f s", total, (System.nanoTime() - t0) / 1e9));
    return work;
  }

  private StepResult step(
      RekorV2Client client,
      String name,
      List<HashedRekordRequest> requests,
      Readers reading,
      CpuMeter cpu)
      throws InterruptedException {
    LoadStep step = new LoadStep(client, requests);
    long reads0 = reading.reads();
    long readErrors0 = reading.errors();
    long[] cpu0 = cpu.sample();
    LoadStep.Outcome o;
    int offered;
    if (name.equals("max")) {
      offered = -1;
      o = step.closedLoop(maxConcurrency, TimeUnit.SECONDS.toNanos(duration));
    } else {
      offered = name.equals("warmup") ? requests.size() / warmup : Integer.parseInt(name);
      o = step.openLoop(offered, maxOutstanding);
    }
    double[] cores = CpuMeter.cores(cpu0, cpu.sample(), o.nanos());
    if (step.firstError() != null) {
      log(name + ": first error: " + step.firstError());
    }
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
        l.millis(0.50),
        l.millis(0.90),
        l.millis(0.99),
        l.millis(1.0),
        (reading.reads() - reads0) / seconds,
        reading.errors() - readErrors0,
        cores[0],
        cores[1],
        cores[2]);
  }

  private StepResult readsOnly(Readers reading, CpuMeter cpu) throws InterruptedException {
    long reads0 = reading.reads();
    long errors0 = reading.errors();
    long[] cpu0 = cpu.sample();
    long t0 = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
    long nanos = System.nanoTime() - t0;
    double[] cores = CpuMeter.cores(cpu0, cpu.sample(), nanos);
    double seconds = nanos / 1e9;
    StepResult r =
        new StepResult(
            "reads-only",
            0,
            seconds,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            (reading.reads() - reads0) / seconds,
            reading.errors() - errors0,
            cores[0],
            cores[1],
            cores[2]);
    log(r.line());
    return r;
  }

  private void print(List<StepResult> results) throws Exception {
    if (output.equals("json")) {
      System.out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(Map.of("readers", readers, "steps", results)));
      return;
    }
    System.out.println(StepResult.header());
    results.forEach(r -> System.out.println(r.line()));
  }

  private static void log(String message) {
    System.err.println("[load] " + message);
  }
}
