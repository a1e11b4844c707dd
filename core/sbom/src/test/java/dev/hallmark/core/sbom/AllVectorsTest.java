package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid document of the vector folders parses; every deliberately broken one is refused. */
class AllVectorsTest {
  static Stream<String> valid() {
    return Vectors.all().stream().filter(p -> !Vectors.broken(p));
  }

  static Stream<String> broken() {
    return Vectors.all().stream().filter(Vectors::broken);
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parses(String path) throws Exception {
    SbomDocument doc = Vectors.read(path);
    assertThat(doc.metadata().specVersion()).isNotEmpty();
    assertThat(doc.metadata().format().supports(doc.metadata().specVersion())).isTrue();
  }

  @ParameterizedTest
  @MethodSource("broken")
  void refused(String path) {
    assertThatThrownBy(() -> Vectors.read(path))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageNotContaining("Exception");
  }
}
