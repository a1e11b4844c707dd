package dev.hallmark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.testkit.ServerProcess;
import dev.hallmark.testkit.SharedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Keyless certificate issuance under load: {@code POST <caUrl>/api/v2/signingCert} (Fulcio v2 REST)
 * with ID tokens from the server's built-in OIDC issuer, at fixed offered rates. Every certificate
 * carries an embedded SCT from the server's CT log, so a 201 means the precertificate was logged
 * and covered by a signed checkpoint.
 */
@Command(
    name = "ca-load",
    mixinStandardHelpOptions = true,
    description = {
      "Open-loop load on a Hallmark certificate authority (Fulcio v2 REST): one step per offered",
      "rate. Starts its own server (built-in OIDC issuer on) on an embedded PostgreSQL (fsync on)."
    })
public final class CaLoad implements Callable<Integer> {
  static final String SIGNING_CERT_PATH = "/api/v2/signingCert";

  /** Tokens are valid 10 minutes; fetch new ones before a step once they are this old. */
  private static final Duration TOKEN_REFRESH = Duration.ofMinutes(4);

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "100,300,500,800,max",
      description = "Offered certificates/s; 'max' = closed loop (default: ${DEFAULT-VALUE}).")
  List<String> rates;

  @Option(names = "--duration-seconds", defaultValue = "15", description = "Seconds per step.")
  int duration;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "Unreported warm-up (JIT) before the first step (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--warmup-rate",
      defaultValue = "0",
      description = "Warm-up certificates/s (default: the first rate, at least 100).")
  int warmupRate;

  @Option(
      names = "--emails",
      defaultValue = "8",
      description = "Identities (one ID token each) spread over the requests (default: 8).")
  int emails;

  @Option(
      names = "--keys",
      defaultValue = "20000",
      description =
          "Distinct key pairs (with proofs of possession) generated before the run and used in"
              + " turn (default: ${DEFAULT-VALUE}).")
  int keys;

  @Option(
      names = "--verify-every",
      defaultValue = "50",
      description = "Check every n-th answer's chain and SCT (default: ${DEFAULT-VALUE}).")
  int verifyEvery;

  @Option(
      names = "--max-rate-guess",
      defaultValue = "2000",
      description = "Certificates/s to prepare requests for in 'max'.")
  int maxRateGuess;

  @Option(
      names = "--protocol",
      defaultValue = "h1",
      description = "h1 (HTTP/1.1 keep-alive) or h2 (h2c) (default: ${DEFAULT-VALUE}).")
  Transport.Protocol protocol;

  @Option(names = "--connections", defaultValue = "1", description = "h2: connections.")
  int connections;

  @Option(
      names = "--settle-max-seconds",
      defaultValue = "240",
      description =
          "After each step, wait (up to this long) until the server is idle: requests it timed"
              + " out are still queued and would otherwise land in the next step (default:"
              + " ${DEFAULT-VALUE}).")
  int settleMaxSeconds;

  private final HttpClient plain = HttpClient.newHttpClient();

  @Mixin ServerOptions serverOptions = new ServerOptions();

  public static void main(String[] args) {
    System.exit(new CommandLine(new CaLoad()).execute(args));
  }

  /** A pre-generated request without its token: key, proof of possession, identity. */
  private record Prepared(int email, String publicKeyPem, String proof) {}

  @Override
  public Integer call() throws Exception {
    try (SharedPostgres postgres =
            SharedPostgres.start(
                Map.of("shared_buffers", "256MB", "max_wal_size", "4GB", "wal_buffers", "16MB"));
        ServerProcess server =
            serverOptions.start(postgres, "ca-load", Map.of("HALLMARK_OIDC_ENABLED", "true"))) {
      URI ca = server.endpoint("caUrl");
      URI oidc = server.endpoint("oidcIssuerUrl");
      CertificateCheck check =
          new CertificateCheck(Files.readString(server.dataDir().resolve("ctlog.pub")));
      CpuMeter cpu = new CpuMeter(server::cpuTime, postgres.postmaster());
      StepTable table =
          new StepTable(
              "certs/s",
              "ca-load",
              verifyEvery,
              201,
              duration,
              serverOptions.maxConcurrency,
              serverOptions.maxOutstanding,
              settleMaxSeconds);
      List<Prepared> prepared = prepare();
      Tokens tokens = new Tokens(oidc);
      List<String[]> rows = new ArrayList<>();
      log("CA at " + ca + ", issuer " + oidc + ", transport " + protocol);
      boolean errors = false;
      try (Transport http =
          new Transport(ca, SIGNING_CERT_PATH, protocol, serverOptions.eventLoops, connections)) {
        int cursor = 0;
        List<String> steps = new ArrayList<>();
        if (warmup > 0) {
          steps.add("warmup");
        }
        steps.addAll(rates);
        for (String name : steps) {
          int n = requests(name);
          List<byte[]> bodies = bodies(prepared, cursor, n, tokens.current());
          cursor += n;
          String line = table.step(http, check, cpu, name, warmupRate(), bodies);
          log(line);
          table.settle(cpu);
          if (!name.equals("warmup")) {
            rows.add(new String[] {line});
            errors |= table.lastErrors() > 0;
          }
        }
      }
      System.out.println(table.header());
      rows.forEach(r -> System.out.println(r[0]));
      return errors ? 3 : 0;
    }
  }

  private int requests(String step) {
    if (step.equals("warmup")) {
      return warmupRate() * warmup;
    }
    return (step.equals("max") ? maxRateGuess : Integer.parseInt(step)) * duration;
  }

  private int warmupRate() {
    if (warmupRate > 0) {
      return warmupRate;
    }
    String first = rates.get(0);
    return first.equals("max") ? 100 : Math.max(100, Integer.parseInt(first));
  }

  private static String email(int i) {
    return "bench-" + i + "@example.com";
  }

  /** Key pairs and proofs of possession (ECDSA P-256 over the email), before anything is timed. */
  private List<Prepared> prepare() {
    long t0 = System.nanoTime();
    SecureRandom random = new SecureRandom();
    List<Prepared> out =
        IntStream.range(0, keys)
            .parallel()
            .mapToObj(
                i -> {
                  try {
                    Signer key =
                        Signers.create(
                            Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, random),
                            KeyDetails.PKIX_ECDSA_P256_SHA_256);
                    int e = i % emails;
                    return new Prepared(
                        e,
                        PublicKeys.pem("PUBLIC KEY", key.publicKey().getEncoded()),
                        Base64.getEncoder()
                            .encodeToString(key.sign(email(e).getBytes(StandardCharsets.UTF_8))));
                  } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                  }
                })
            .toList();
    log(
        String.format(
            "generated %d P-256 key pairs and proofs of possession in %.1f s",
            keys, (System.nanoTime() - t0) / 1e9));
    return out;
  }

  /** The bodies of one step with the current tokens (not timed; the keys are used in turn). */
  private List<byte[]> bodies(List<Prepared> prepared, int from, int n, String[] tokens) {
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Prepared p = prepared.get(Math.floorMod(from + i, prepared.size()));
      ObjectNode req = JSON.createObjectNode();
      req.putObject("credentials").put("oidcIdentityToken", tokens[p.email()]);
      ObjectNode pkr = req.putObject("publicKeyRequest");
      pkr.putObject("publicKey").put("algorithm", "ECDSA").put("content", p.publicKeyPem());
      pkr.put("proofOfPossession", p.proof());
      out.add(req.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** One ID token per email from the built-in issuer, fetched again when they get old. */
  private final class Tokens {
    private final URI issuer;
    private String[] tokens;
    private long fetched;

    Tokens(URI issuer) {
      this.issuer = issuer;
    }

    String[] current() throws Exception {
      if (tokens == null || System.nanoTime() - fetched > TOKEN_REFRESH.toNanos()) {
        String[] fresh = new String[emails];
        for (int i = 0; i < emails; i++) {
          HttpResponse<String> r =
              plain.send(
                  HttpRequest.newBuilder(URI.create(issuer + "/token"))
                      .header("content-type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              JSON.createObjectNode().put("email", email(i)).toString()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            throw new IllegalStateException("token: HTTP " + r.statusCode() + " " + r.body());
          }
          fresh[i] = JSON.readTree(r.body()).get("id_token").asText();
        }
        tokens = fresh;
        fetched = System.nanoTime();
        log("fetched " + emails + " ID tokens");
      }
      return tokens;
    }
  }

  private static void log(String message) {
    System.err.println("[ca-load] " + message);
  }
}
