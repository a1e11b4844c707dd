package dev.hallmark.bench;

import com.linecorp.armeria.common.MediaType;
import dev.hallmark.testkit.ServerProcess;
import dev.hallmark.testkit.SharedPostgres;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Timestamps under load: {@code POST <tsa>/api/v1/timestamp} with DER queries as sigstore-java
 * sends them (SHA-256 imprint of a signature, random 64-bit nonce, no certificates), at fixed
 * offered rates. Sampled answers are parsed and checked: status granted, nonce and imprint echoed
 * ({@code TimeStampResponse.validate}), token signature and ESS certificate ID against the TSA
 * certificate the server published.
 */
@Command(
    name = "tsa-load",
    mixinStandardHelpOptions = true,
    description = {
      "Open-loop load on a Hallmark timestamp authority (RFC 3161): one step per offered rate.",
      "Starts its own server on an embedded PostgreSQL."
    })
public final class TsaLoad implements Callable<Integer> {
  static final String TIMESTAMP_PATH = "/api/v1/timestamp";

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "500,1000,2000,3000,max",
      description = "Offered timestamps/s; 'max' = closed loop (default: ${DEFAULT-VALUE}).")
  List<String> rates;

  @Option(names = "--duration-seconds", defaultValue = "15", description = "Seconds per step.")
  int duration;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "Unreported warm-up (JIT) at 1,000/s before the first step.")
  int warmup;

  @Option(
      names = "--verify-every",
      defaultValue = "100",
      description = "Check every n-th answer (default: ${DEFAULT-VALUE}).")
  int verifyEvery;

  @Option(
      names = "--max-rate-guess",
      defaultValue = "8000",
      description = "Timestamps/s to prepare requests for in 'max'.")
  int maxRateGuess;

  @Option(
      names = "--settle-max-seconds",
      defaultValue = "60",
      description = "After each step, wait (up to this long) until the server is idle.")
  int settleMaxSeconds;

  @Mixin ServerOptions serverOptions = new ServerOptions();

  public static void main(String[] args) {
    System.exit(new CommandLine(new TsaLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    try (SharedPostgres postgres = SharedPostgres.start(Map.of());
        ServerProcess server = serverOptions.start(postgres, "tsa-load", Map.of())) {
      URI url = server.endpoint("tsaUrl");
      URI base = URI.create(url.getScheme() + "://" + url.getAuthority());
      X509Certificate tsaCert;
      try (var in = Files.newInputStream(server.dataDir().resolve("tsa-chain.pem"))) {
        tsaCert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      AnswerCheck check = new TimestampCheck(tsaCert);
      CpuMeter cpu = new CpuMeter(server::cpuTime, postgres.postmaster());
      StepTable table =
          new StepTable(
              "stamps/s",
              "tsa-load",
              verifyEvery,
              200,
              duration,
              serverOptions.maxConcurrency,
              serverOptions.maxOutstanding,
              settleMaxSeconds);
      table.log("TSA at " + url);
      List<String> rows = new ArrayList<>();
      boolean errors = false;
      SecureRandom random = new SecureRandom();
      try (Transport http =
          new Transport(
              base,
              TIMESTAMP_PATH,
              MediaType.parse("application/timestamp-query"),
              Transport.Protocol.h1,
              serverOptions.eventLoops,
              1)) {
        List<String> steps = new ArrayList<>();
        if (warmup > 0) {
          steps.add("warmup");
        }
        steps.addAll(rates);
        for (String name : steps) {
          int n =
              name.equals("warmup")
                  ? 1000 * warmup
                  : (name.equals("max") ? maxRateGuess : Integer.parseInt(name)) * duration;
          List<byte[]> bodies = queries(n, random);
          String line = table.step(http, check, cpu, name, 1000, bodies);
          table.log(line);
          table.settle(cpu);
          if (!name.equals("warmup")) {
            rows.add(line);
            errors |= table.lastErrors() > 0;
          }
        }
      }
      System.out.println(table.header());
      rows.forEach(System.out::println);
      return errors ? 3 : 0;
    }
  }

  /** DER queries as sigstore-java makes them: random imprint, 64-bit nonce, certReq false. */
  private static List<byte[]> queries(int n, SecureRandom random) throws Exception {
    List<byte[]> out = new ArrayList<>(n);
    TimeStampRequestGenerator g = new TimeStampRequestGenerator();
    g.setCertReq(false);
    byte[] digest = new byte[32];
    for (int i = 0; i < n; i++) {
      random.nextBytes(digest);
      out.add(
          g.generate(NISTObjectIdentifiers.id_sha256, digest, new BigInteger(64, random))
              .getEncoded());
    }
    return out;
  }

  /** A sampled answer: granted, echoes the query, token signed by the published TSA cert. */
  private static final class TimestampCheck implements AnswerCheck {
    private final SignerInformationVerifier verifier;

    TimestampCheck(X509Certificate tsaCert) throws Exception {
      this.verifier = new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert);
    }

    @Override
    public String what() {
      return "timestamp status, nonce, imprint or token signature";
    }

    @Override
    public void check(byte[] request, byte[] answer) throws Exception {
      TimeStampResponse response = new TimeStampResponse(new ByteArrayInputStream(answer));
      response.validate(new TimeStampRequest(request));
      response.getTimeStampToken().validate(verifier);
    }
  }
}
