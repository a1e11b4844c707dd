package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each scheme is a total preorder on the versions its vectors mention: after a sort, every pair
 * compares consistently (reflexive, antisymmetric, transitive), so sorting and range checks built
 * on it are sound.
 */
class OrderingConsistencyTest {
  private static final VersionSchemes SCHEMES = VersionSchemes.standard();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "maven, vers-spec/tests/maven_version_cmp_test.json",
    "apk, vers-spec/tests/alpine_version_cmp_test.json",
    "alpm, vers-spec/tests/alpm_version_cmp_test.json",
    "conan, vers-spec/tests/conan_version_cmp_test.json",
    "gentoo, vers-spec/tests/gentoo_version_cmp_test.json",
    "nuget, vers-spec/tests/nuget_version_cmp_test.json",
    "openssl, vers-spec/tests/openssl_version_cmp_test.json",
    "deb, univers/schema/deb_version_python_pkg_test.json",
  })
  void everyPairAgreesWithTheSortedOrder(String scheme, String file) throws Exception {
    Set<String> distinct = new LinkedHashSet<>();
    for (JsonNode c : Vectors.cases(file)) {
      c.at("/input/versions").forEach(v -> distinct.add(v.asText()));
    }
    VersionScheme s = SCHEMES.byName(scheme).orElseThrow();
    List<String> sorted = VersionOrderingVectorsTest.sort(s, new ArrayList<>(distinct));
    for (int i = 0; i < sorted.size(); i++) {
      assertThat(s.compare(sorted.get(i), sorted.get(i))).isZero();
      for (int j = i + 1; j < sorted.size(); j++) {
        int c = s.compare(sorted.get(i), sorted.get(j));
        assertThat(c)
            .as("%s: %s vs %s", scheme, sorted.get(i), sorted.get(j))
            .isLessThanOrEqualTo(0);
        assertThat(Integer.signum(s.compare(sorted.get(j), sorted.get(i))))
            .isEqualTo(-Integer.signum(c));
      }
    }
  }
}
