package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A ~250 MB synthetic document parsed in a forked JVM with {@code -Xmx1g}. Slow (tagged {@code
 * large}, excluded by default): {@code ./mvnw -pl core/sbom verify -Dgroups=large
 * -DexcludedGroups=none}. Prints the time and peak heap.
 */
@Tag("large")
class LargeDocumentTest {
  private static final Pattern RESULT =
      Pattern.compile("packages=(\\d+) relationships=(\\d+) millis=(\\d+) peakHeapMiB=(\\d+)");

  @ParameterizedTest
  @CsvSource({"cyclonedx, 700000", "spdx, 400000", "spdx3, 350000", "spdx, 3000"})
  void parsesWithOneGigabyteOfHeap(String format, int packages, @TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("large." + format + ".json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      SyntheticCorpus corpus = new SyntheticCorpus(42);
      if (format.equals("cyclonedx")) {
        corpus.writeCycloneDx(out, packages);
      } else if (format.equals("spdx3")) {
        corpus.writeSpdx3(out, packages);
      } else {
        corpus.writeSpdx(out, packages);
      }
    }
    long size = Files.size(file);
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LargeDocumentMain.class.getName(),
                    file.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    Matcher m = RESULT.matcher(output);
    assertThat(m.find()).as(output).isTrue();
    System.out.printf(
        "%s: %d MB, %s packages, %s relationships in %s ms, peak heap %s MiB%n",
        format, size >> 20, m.group(1), m.group(2), m.group(3), m.group(4));
    assertThat(Long.parseLong(m.group(1)))
        .isEqualTo(format.equals("cyclonedx") ? packages + 1 : packages);
  }
}
