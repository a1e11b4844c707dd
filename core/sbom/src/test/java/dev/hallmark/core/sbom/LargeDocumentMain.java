package dev.hallmark.core.sbom;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams one document through a counting sink and prints {@code packages=N relationships=M
 * millis=T peakHeapMiB=H}; run in a forked JVM by {@link LargeDocumentTest}.
 */
public final class LargeDocumentMain {
  private LargeDocumentMain() {}

  public static void main(String[] args) throws Exception {
    AtomicLong packages = new AtomicLong();
    AtomicLong relationships = new AtomicLong();
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      new SbomReader(SbomLimits.defaults())
          .stream(
              in,
              null,
              new SbomSink() {
                @Override
                public void onPackage(SbomPackage pkg) {
                  packages.incrementAndGet();
                }

                @Override
                public void onRelationship(Relationship relationship) {
                  relationships.incrementAndGet();
                }
              });
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(
        "packages="
            + packages
            + " relationships="
            + relationships
            + " millis="
            + millis
            + " peakHeapMiB="
            + (peak >> 20));
  }
}
