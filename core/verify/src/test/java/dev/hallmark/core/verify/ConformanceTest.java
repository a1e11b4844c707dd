package dev.hallmark.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 70 sigstore-conformance bundle-verify cases, each by path and by digest (140 runs). A case
 * named {@code *_fail} must fail, and with the reason {@code expected-failures.txt} names for it;
 * every other case must verify.
 */
class ConformanceTest {
  private static final Map<String, String> REASONS = new HashMap<>();

  @BeforeAll
  static void reasons() throws IOException {
    for (String line :
        Files.readAllLines(
            ConformanceCase.DIR.resolve("expected-failures.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      REASONS.put(line.substring(0, tab), line.substring(tab + 1));
    }
  }

  static Stream<Arguments> runs() {
    return ConformanceCase.all().stream()
        .flatMap(c -> Stream.of(Arguments.of(c, "path"), Arguments.of(c, "digest")));
  }

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("runs")
  void givesTheExpectedOutcome(ConformanceCase c, String mode) throws IOException {
    String failure = c.run(mode.equals("digest"));
    if (c.expectPass()) {
      assertThat(failure).as("%s by %s", c.name(), mode).isNull();
    } else {
      assertThat(failure).as("%s by %s must fail", c.name(), mode).isNotNull();
      assertThat(failure).as("why %s failed", c.name()).contains(REASONS.get(c.name()));
    }
  }

  @Test
  void everyFailingCaseHasAnExpectedReason() {
    long fails = ConformanceCase.all().stream().filter(c -> !c.expectPass()).count();
    assertThat(fails).isEqualTo(49);
    ConformanceCase.all().stream()
        .filter(c -> !c.expectPass())
        .forEach(c -> assertThat(REASONS).as(c.name()).containsKey(c.name()));
    assertThat(ConformanceCase.all()).hasSize(70);
  }
}
