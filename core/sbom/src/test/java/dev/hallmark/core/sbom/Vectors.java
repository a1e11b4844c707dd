package dev.hallmark.core.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The SBOM vectors copied under {@code src/test/resources/sbom/} (see its SOURCE.md). */
final class Vectors {
  private Vectors() {}

  static Path root() {
    try {
      return Path.of(Vectors.class.getResource("/sbom/SOURCE.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static InputStream open(String relative) throws IOException {
    return Files.newInputStream(root().resolve(relative));
  }

  static SbomDocument read(String relative) throws IOException, SbomFormatException {
    try (InputStream in = open(relative)) {
      return new SbomReader(SbomLimits.defaults()).read(in);
    }
  }

  /** Every file that is a document (not a README / SOURCE note), relative to the root. */
  static List<String> all() {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root().relativize(p).toString())
          .filter(p -> !p.endsWith(".md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deliberately broken: spec fixtures named invalid-*, and the two ML-BOMs that are not JSON. */
  static boolean broken(String relative) {
    return Path.of(relative).getFileName().toString().startsWith("invalid-")
        || relative.endsWith("MLBOM/Dataset/bom.json")
        || relative.endsWith("MLBOM/Model/OpenSource/bom.json");
  }
}
