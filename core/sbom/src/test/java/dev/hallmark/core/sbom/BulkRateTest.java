package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parse rate of many ~1,000-package SBOMs (half CycloneDX, half SPDX) through one reader, in this
 * JVM, parse only (no storage). Slow: tagged {@code large}. Prints documents per second.
 */
@Tag("large")
class BulkRateTest {
  @Test
  void thousandPackageDocuments() throws Exception {
    List<byte[]> docs = new ArrayList<>();
    for (int seed = 0; seed < 20; seed++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (seed % 2 == 0) {
        new SyntheticCorpus(seed).writeCycloneDx(out, 1000);
      } else {
        new SyntheticCorpus(seed).writeSpdx(out, 1000);
      }
      docs.add(out.toByteArray());
    }
    SbomReader reader = new SbomReader(SbomLimits.defaults());
    AtomicLong packages = new AtomicLong();
    SbomSink count = pkg -> packages.incrementAndGet();
    for (int i = 0; i < 500; i++) { // warm-up
      reader.stream(new ByteArrayInputStream(docs.get(i % docs.size())), null, count);
    }
    packages.set(0);
    int n = 10_000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      reader.stream(new ByteArrayInputStream(docs.get(i % docs.size())), null, count);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%d documents (%d packages) in %.1f s: %.0f documents/s%n",
        n, packages.get(), seconds, n / seconds);
    assertThat(packages.get()).isEqualTo(n * 1000L + n / 2);
  }
}
