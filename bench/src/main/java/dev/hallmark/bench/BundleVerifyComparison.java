package dev.hallmark.bench;

import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.TrustedRoot;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.BundleVerifier;
import dev.hallmark.core.verify.CertificateIdentity;
import dev.hallmark.core.verify.VerificationPolicy;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.VerificationOptions;
import dev.sigstore.strings.StringMatcher;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Bundles verified per second, single-threaded, by Hallmark's {@link BundleVerifier} and by
 * sigstore-java 2.0.0's {@link KeylessVerifier}, in the same JVM, on the same conformance bundles
 * (the passing cases both verifiers accept), each from its JSON text (parsing included), by SHA-256
 * digest. Warm-up for each, then alternating measured rounds.
 */
@Command(
    name = "bundle-verify-comparison",
    mixinStandardHelpOptions = true,
    description = "Bundles verified per second: Hallmark vs sigstore-java KeylessVerifier.")
public final class BundleVerifyComparison implements Callable<Integer> {
  static final String IDENTITY =
      "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/"
          + "workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
  static final String ISSUER = "https://token.actions.githubusercontent.com";
  static final List<String> CASES =
      List.of(
          "happy-path-v0.1",
          "happy-path-v0.2",
          "happy-path-v0.3",
          "happy-path-v0.3-new-mediaType",
          "happy-path-intoto-in-dsse-v3",
          "bundle-with-sct-with-extensions",
          "rekor2-happy-path",
          "rekor2-timestamp-with-embedded-cert");

  @Option(
      names = "--vectors",
      description = "The sigstore-conformance vectors folder (default: ${DEFAULT-VALUE}).")
  Path vectors = Path.of("..", "shared", "vectors", "sigstore-conformance");

  @Option(names = "--warmup-seconds", description = "Per verifier (default: ${DEFAULT-VALUE}).")
  int warmupSeconds = 10;

  @Option(
      names = "--round-seconds",
      description = "Per measured round (default: ${DEFAULT-VALUE}).")
  int roundSeconds = 10;

  @Option(
      names = "--rounds",
      description = "Measured rounds per verifier (default: ${DEFAULT-VALUE}).")
  int rounds = 3;

  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** One bundle as text, with what each verifier needs. */
  record Case(
      String name, String json, byte[] digest, BundleVerifier hallmark, KeylessVerifier sj) {}

  /** One verifier's loop body. */
  interface Run {
    void verify(Case c) throws Exception;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BundleVerifyComparison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Case> cases = load();
    VerificationPolicy policy = VerificationPolicy.of(CertificateIdentity.exact(IDENTITY, ISSUER));
    VerificationOptions options =
        VerificationOptions.builder()
            .addCertificateMatchers(
                VerificationOptions.CertificateMatcher.fulcio()
                    .subjectAlternativeName(StringMatcher.string(IDENTITY))
                    .issuer(StringMatcher.string(ISSUER))
                    .build())
            .build();
    Run hallmark =
        c ->
            c.hallmark()
                .verify(
                    Bundle.parse(c.json().getBytes(StandardCharsets.UTF_8)),
                    Artifact.ofSha256(c.digest()),
                    policy);
    Run sigstoreJava =
        c ->
            c.sj()
                .verify(
                    c.digest(),
                    dev.sigstore.bundle.Bundle.from(new StringReader(c.json())),
                    options);
    for (Case c : cases) { // both must accept every bundle, or the comparison means nothing
      hallmark.verify(c);
      sigstoreJava.verify(c);
    }
    System.out.printf("%d bundles: %s%n", cases.size(), cases.stream().map(Case::name).toList());
    measure(cases, hallmark, warmupSeconds);
    measure(cases, sigstoreJava, warmupSeconds);
    double h = 0;
    double s = 0;
    for (int r = 0; r < rounds; r++) {
      double hr = measure(cases, hallmark, roundSeconds);
      double sr = measure(cases, sigstoreJava, roundSeconds);
      System.out.printf(
          "round %d: Hallmark %.0f bundles/CPU-s, sigstore-java %.0f bundles/CPU-s%n",
          r + 1, hr, sr);
      h += hr;
      s += sr;
    }
    System.out.printf(
        "mean: Hallmark %.0f bundles/CPU-s, sigstore-java %.0f bundles/CPU-s, ratio %.2fx%n",
        h / rounds, s / rounds, h / s);
    return 0;
  }

  /**
   * Bundles per second of this thread's CPU time (the machine is shared, so wall-clock rates vary
   * with other load; CPU time does not); the process CPU-time and wall-clock rates are printed
   * beside it.
   */
  private static double measure(List<Case> cases, Run run, int seconds) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    long cpuStart = mx.getCurrentThreadCpuTime();
    long processStart = PROCESS.getProcessCpuTime();
    long n = 0;
    while (System.nanoTime() < end) {
      for (Case c : cases) {
        run.verify(c);
      }
      n += cases.size();
    }
    double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double process = (PROCESS.getProcessCpuTime() - processStart) / 1e9;
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "  %d bundles: %.1f s thread CPU; %.1f s process CPU, GC and JIT included (%.0f/s);"
            + " %.1f s wall (%.0f/s)%n",
        n, cpu, process, n / process, wall, n / wall);
    return n / cpu;
  }

  private List<Case> load() throws Exception {
    Path root = vectors.resolve("bundle-verify");
    Map<Path, BundleVerifier> hallmark = new HashMap<>();
    Map<Path, KeylessVerifier> sj = new HashMap<>();
    byte[] a = Files.readAllBytes(root.resolve("a.txt"));
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(a);
    List<Case> out = new ArrayList<>();
    for (String name : CASES) {
      Path dir = root.resolve(name);
      Path tr =
          Files.exists(dir.resolve("trusted_root.json"))
              ? dir.resolve("trusted_root.json")
              : vectors.resolve("public-good-trusted_root.json");
      if (!hallmark.containsKey(tr)) {
        hallmark.put(tr, new BundleVerifier(TrustedRoot.parse(Files.readAllBytes(tr))));
        sj.put(
            tr,
            KeylessVerifier.builder().trustedRootProvider(TrustedRootProvider.from(tr)).build());
      }
      out.add(
          new Case(
              name,
              Files.readString(dir.resolve("bundle.sigstore.json")),
              digest,
              hallmark.get(tr),
              sj.get(tr)));
    }
    return out;
  }
}
