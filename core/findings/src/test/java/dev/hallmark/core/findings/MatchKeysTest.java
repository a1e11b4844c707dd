package dev.hallmark.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.AdvisoryReader;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An incremental store re-correlates a component only with advisories sharing a key: so every
 * finding the correlator makes must come from an advisory whose keys meet the component's keys.
 */
class MatchKeysTest {
  private static final List<Component> COMPONENTS =
      List.of(
          new Component("hyper", "pkg:cargo/hyper@0.14.11", null, "hyper"),
          new Component("aiohttp", "pkg:pypi/AIOHTTP@3.8.4", null, "aiohttp"),
          new Component("q213", null, "cpe:2.3:a:redhat:quarkus:2.13:*:*:*:*:*:*:*", "q"),
          new Component("q2", null, "cpe:/a:redhat:quarkus:2", "q"),
          new Component(
              "cc", "pkg:maven/org.apache.commons/commons-compress@1.25.0?type=jar", null, "cc"),
          new Component("cc-old", "pkg:maven/org.apache.commons/commons-compress@1.20", null, "cc"),
          new Component("other", "pkg:npm/left-pad@1.0.0", "cpe:/a:acme:thing:1", "other"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RUSTSEC-2022-0022.json",
        "GHSA-45c4-8wx5-qw6w.json",
        "cve-2023-0044.json",
        "CVE-2024-26308.json"
      })
  void everyFindingSharesAKeyWithItsAdvisory(String name) throws Exception {
    Advisory advisory;
    try (InputStream in = MatchKeysTest.class.getResourceAsStream("/trustify/" + name)) {
      advisory = AdvisoryReader.withDefaultLimits().read(in.readAllBytes());
    }
    Set<String> advisoryKeys = MatchKeys.of(advisory);
    List<Finding> findings = new Correlator().correlate(COMPONENTS, List.of(advisory)).findings();
    assertThat(findings).isNotEmpty();
    for (Finding f : findings) {
      Set<String> shared = new HashSet<>(MatchKeys.of(f.component()));
      shared.retainAll(advisoryKeys);
      assertThat(shared).as(f.component().ref() + " / " + f.vulnerability()).isNotEmpty();
    }
    // and the unrelated component shares nothing with any of these advisories
    Set<String> other = new HashSet<>(MatchKeys.of(COMPONENTS.get(COMPONENTS.size() - 1)));
    other.retainAll(advisoryKeys);
    assertThat(other).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pkg:maven/org.apache.commons/commons-compress@1.25.0?type=jar"})
  void purlKeysDropVersionAndQualifiers(String purl) {
    assertThat(MatchKeys.of(new Component("x", purl, null, "x")))
        .containsExactly("purl:pkg:maven/org.apache.commons/commons-compress");
    assertThat(MatchKeys.of(new Component("y", null, "cpe:/a:redhat:quarkus:2.13", "y")))
        .containsExactly("cpe:*", "cpe:redhat:quarkus");
    assertThat(MatchKeys.of(new Component("z", null, "cpe:2.3:a:*:quarkus:*:*:*:*:*:*:*:*", "z")))
        .containsExactly("cpe:*");
  }
}
