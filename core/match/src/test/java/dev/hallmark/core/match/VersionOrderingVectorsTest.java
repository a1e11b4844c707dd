package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code comparison} and {@code equality} case of the vers-spec and univers version files,
 * RPM's rpmvercmp facts, apk-tools' version list and univers' OpenSSL ordering, against {@link
 * VersionSchemes#standard()}.
 */
class VersionOrderingVectorsTest {
  private static final VersionSchemes SCHEMES = VersionSchemes.standard();

  private static final List<String> CMP_FILES =
      List.of(
          "vers-spec/tests/alpine_version_cmp_test.json",
          "vers-spec/tests/alpm_version_cmp_test.json",
          "vers-spec/tests/conan_version_cmp_test.json",
          "vers-spec/tests/datetime_version_cmp_test.json",
          "vers-spec/tests/gentoo_version_cmp_test.json",
          "vers-spec/tests/lexicographic-test.json",
          "vers-spec/tests/maven_version_cmp_test.json",
          "vers-spec/tests/nuget_version_cmp_test.json",
          "vers-spec/tests/openssl_version_cmp_test.json",
          "univers/schema/deb_version_python_pkg_test.json");

  static Stream<Arguments> comparisonCases() {
    List<Arguments> out = new ArrayList<>();
    for (String file : CMP_FILES) {
      int i = 0;
      for (JsonNode c : Vectors.cases(file)) {
        out.add(Arguments.of(file + "#" + i++, c));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisonCases")
  void comparisonAndEquality(String id, JsonNode c) throws Exception {
    VersionScheme scheme = SCHEMES.byName(c.at("/input/input_scheme").asText()).orElseThrow();
    List<String> versions = Vectors.strings(c.at("/input/versions"));
    if ("equality".equals(c.get("test_type").asText())) {
      assertThat(scheme.compare(versions.get(0), versions.get(1)) == 0)
          .as("%s equal to %s", versions.get(0), versions.get(1))
          .isEqualTo(c.get("expected_output").asBoolean());
      return;
    }
    List<String> expected = Vectors.strings(c.get("expected_output"));
    List<String> sorted = sort(scheme, versions);
    if (new HashMap<>(count(expected)).equals(count(versions))) {
      assertThat(sorted).isEqualTo(expected);
    } else {
      // The expected list shows normalised spellings (NuGet lower-cases prerelease labels): the
      // sorted input must match it position by position under the scheme's equality.
      assertThat(sorted).hasSameSizeAs(expected);
      for (int k = 0; k < sorted.size(); k++) {
        assertThat(scheme.compare(sorted.get(k), expected.get(k)))
            .as("%s at %d vs %s", sorted, k, expected)
            .isZero();
      }
    }
  }

  private static Map<String, Integer> count(List<String> l) {
    Map<String, Integer> m = new HashMap<>();
    l.forEach(s -> m.merge(s, 1, Integer::sum));
    return m;
  }

  /** A stable insertion sort that lets the checked exception through. */
  static List<String> sort(VersionScheme scheme, List<String> in) throws VersionException {
    List<String> out = new ArrayList<>();
    for (String v : in) {
      int at = out.size();
      while (at > 0 && scheme.compare(out.get(at - 1), v) > 0) {
        at--;
      }
      out.add(at, v);
    }
    return out;
  }

  static Stream<Arguments> rpmvercmp() {
    List<Arguments> out = new ArrayList<>();
    Vectors.json("univers/rpmvercmp.json")
        .get("cases")
        .forEach(
            c ->
                out.add(
                    Arguments.of(
                        c.get("a").asText(), c.get("b").asText(), c.get("expected").asInt())));
    return out.stream();
  }

  @ParameterizedTest(name = "rpmvercmp({0}, {1}) = {2}")
  @MethodSource("rpmvercmp")
  void rpmvercmpFacts(String a, String b, int expected) {
    assertThat(dev.hallmark.core.match.internal.RpmScheme.rpmvercmp(a, b)).isEqualTo(expected);
  }

  static Stream<Arguments> apkTools() {
    List<Arguments> out = new ArrayList<>();
    for (String line : Vectors.text("univers/alpine_test.txt").split("\n")) {
      if (!line.isBlank()) {
        String[] p = line.trim().split("\\s+");
        out.add(Arguments.of(p[0], p[1], p[2]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("apkTools")
  void apkToolsVersionData(String a, String op, String b) throws Exception {
    int c = SCHEMES.byName("apk").orElseThrow().compare(a, b);
    assertThat(c < 0 ? "<" : c > 0 ? ">" : "=").isEqualTo(op);
  }

  @ParameterizedTest(name = "openssl versort")
  @MethodSource("opensslOnce")
  void opensslReleaseHistorySortsAsUnivers(String ignored) throws Exception {
    List<String> all = new ArrayList<>();
    for (String line : Vectors.text("univers/openssl/openssl_all_versions.txt").split("\n")) {
      if (!line.isBlank()) {
        all.add(line.trim());
      }
    }
    List<String> expected = new ArrayList<>();
    Vectors.json("univers/openssl/openssl_versort_expected.json")
        .forEach(n -> expected.add(n.get("string").asText()));
    assertThat(sort(SCHEMES.byName("openssl").orElseThrow(), all)).isEqualTo(expected);
  }

  static Stream<String> opensslOnce() {
    return Stream.of("all");
  }
}
