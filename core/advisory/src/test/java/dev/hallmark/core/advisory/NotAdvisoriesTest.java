package dev.hallmark.core.advisory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON files in the vector folders that are not advisories — JSON schemas, ROLIE feeds,
 * aggregator and provider metadata, the validator's test list, the OSV ecosystem list and the
 * GitHub GraphQL inputs of the GHSA converter — are refused as "not an advisory".
 */
class NotAdvisoriesTest {
  static Stream<String> notAdvisories() throws IOException {
    try (Stream<Path> files = Files.walk(Vectors.root())) {
      return files
          .map(p -> Vectors.root().relativize(p).toString())
          .filter(p -> p.endsWith(".json"))
          .filter(
              p ->
                  p.contains("/json_schema/")
                      || p.contains("/ROLIE/")
                      || p.contains("/aggregator/")
                      || p.contains("/provider-metadata/")
                      || p.endsWith("testcases.json")
                      || p.endsWith("validation/schema.json")
                      || p.endsWith("ecosystems.json")
                      || (p.contains("/ghsa/testdata/") && !p.endsWith(".osv.json")))
          .sorted()
          .toList()
          .stream();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @ParameterizedTest
  @MethodSource("notAdvisories")
  void refused(String path) {
    assertThatThrownBy(() -> Vectors.read(path))
        .isInstanceOf(AdvisoryFormatException.class)
        .hasMessageStartingWith("not an advisory");
  }
}
