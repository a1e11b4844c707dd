package dev.hallmark.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.TrustedRoot;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One {@link BundleVerifier} shared by several threads (its documented use): passing and failing
 * public-good cases interleaved give the same outcome as on one thread.
 */
class ConcurrencyTest {
  private static final List<String> CASES =
      List.of(
          "happy-path-v0.1",
          "happy-path-v0.3",
          "happy-path-intoto-in-dsse-v3",
          "signature-mismatch_fail",
          "set-invalid-signature_fail",
          "checkpoint-wrong-roothash_fail");

  @Test
  void aSharedVerifierGivesTheSameOutcomesOnEightThreads() throws Exception {
    BundleVerifier shared =
        new BundleVerifier(
            TrustedRoot.parse(
                Files.readAllBytes(ConformanceCase.DIR.resolve("public-good-trusted_root.json"))));
    List<ConformanceCase> cases =
        ConformanceCase.all().stream().filter(c -> CASES.contains(c.name())).toList();
    assertThat(cases).hasSize(CASES.size());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 240; i++) {
        ConformanceCase c = cases.get(i % cases.size());
        results.add(
            pool.submit(
                () -> {
                  try {
                    shared.verify(
                        Bundle.parse(Files.readAllBytes(c.bundle())),
                        Artifact.read(c.artifact()),
                        c.policy());
                    return c.name() + " pass";
                  } catch (VerificationException e) {
                    return c.name() + " fail";
                  }
                }));
      }
      for (int i = 0; i < results.size(); i++) {
        ConformanceCase c = cases.get(i % cases.size());
        assertThat(results.get(i).get(60, TimeUnit.SECONDS))
            .isEqualTo(c.name() + (c.expectPass() ? " pass" : " fail"));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
