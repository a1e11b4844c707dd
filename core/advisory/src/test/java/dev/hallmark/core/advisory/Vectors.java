package dev.hallmark.core.advisory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The advisory vectors under {@code src/test/resources/advisories/} (see its SOURCE.md). */
final class Vectors {
  static final String CSAF = "csaf-2.0/csaf_2.0/";
  static final String VALIDATOR = CSAF + "test/validator/data/";
  static final String TRUSTIFY = "trustify/etc/test-data/";
  static final String OSV = "osv/osv-schema/tools/";

  private Vectors() {}

  static Path root() {
    try {
      return Path.of(Vectors.class.getResource("/advisories/SOURCE.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Advisory read(String relative) throws IOException, AdvisoryFormatException {
    try (InputStream in = Files.newInputStream(root().resolve(relative))) {
      return AdvisoryReader.withDefaultLimits().read(in);
    }
  }

  static Advisory readStrict(String relative) throws IOException, AdvisoryFormatException {
    try (InputStream in = Files.newInputStream(root().resolve(relative))) {
      return new AdvisoryReader(64L << 20, 100, CsafValidation.STRICT).read(in);
    }
  }

  /**
   * Every advisory document outside the CSAF validator corpus: not the schemas, the ROLIE feeds,
   * aggregator and provider metadata, nor the GitHub GraphQL inputs of the GHSA converter tests.
   */
  static List<String> documents() {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root().relativize(p).toString())
          .filter(p -> p.endsWith(".json") || p.endsWith(".yaml"))
          .filter(p -> !p.contains("/validator/") && !p.contains("/json_schema/"))
          .filter(p -> !p.contains("/ROLIE/") && !p.contains("/aggregator/"))
          .filter(p -> !p.contains("/provider-metadata/"))
          .filter(p -> !p.endsWith("validation/schema.json") && !p.endsWith("ecosystems.json"))
          .filter(p -> !p.contains("/ghsa/testdata/") || p.endsWith(".osv.json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OSV linter's deliberately defective copies that break the schema's range rules. */
  static boolean broken(String relative) {
    String name = Path.of(relative).getFileName().toString();
    return name.startsWith("nointroduced-") || name.startsWith("nondistinct-");
  }
}
