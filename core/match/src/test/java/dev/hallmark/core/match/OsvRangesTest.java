package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OSV range evaluation on real records (see {@code src/test/resources/osv/SOURCE.md}). Each
 * expectation is worked out by hand from the record's events, sorted as the schema says.
 */
class OsvRangesTest {
  private static final VersionSchemes SCHEMES = VersionSchemes.standard();
  private static final OsvRanges OSV = new OsvRanges();

  /** The first {@code affected[]} entry of a record whose package name is {@code name}. */
  private static JsonNode affected(String file, String name) {
    for (JsonNode a : Vectors.json("/osv/" + file).get("affected")) {
      if (name == null || name.equals(a.at("/package/name").asText())) {
        return a;
      }
    }
    throw new AssertionError("no affected entry for " + name + " in " + file);
  }

  static List<OsvRange> ranges(JsonNode affected) throws RangeException {
    List<OsvRange> out = new ArrayList<>();
    for (JsonNode r : affected.path("ranges")) {
      List<OsvEvent> events = new ArrayList<>();
      for (JsonNode e : r.get("events")) {
        Map.Entry<String, JsonNode> only = e.properties().iterator().next();
        events.add(
            new OsvEvent(
                OsvEvent.Kind.valueOf(only.getKey().toUpperCase(Locale.ROOT)),
                only.getValue().asText()));
      }
      out.add(
          OsvRange.of(
              OsvRange.Type.valueOf(r.get("type").asText()),
              r.hasNonNull("repo") ? r.get("repo").asText() : null,
              events));
    }
    return out;
  }

  private static boolean affected(String file, String name, String version) throws Exception {
    JsonNode a = affected(file, name);
    VersionScheme scheme =
        SCHEMES.forOsvEcosystem(a.at("/package/ecosystem").asText()).orElseThrow();
    return OSV.isAffected(Vectors.strings(a.path("versions")), ranges(a), version, scheme, null);
  }

  @ParameterizedTest(name = "{0} {1}@{2} affected={3}")
  @CsvSource({
    // equals_with_patch (npm, SEMVER): events 0, 2.0.0, fixed 2.0.1, fixed 1.3.2 sort as
    // 0 < fixed 1.3.2 < introduced 2.0.0 < fixed 2.0.1
    "equals_with_patch.osv.json, mixin-deep, 1.3.1, true",
    "equals_with_patch.osv.json, mixin-deep, 1.3.2, false",
    "equals_with_patch.osv.json, mixin-deep, 1.9.9, false",
    "equals_with_patch.osv.json, mixin-deep, 2.0.0, true",
    "equals_with_patch.osv.json, mixin-deep, 2.0.1, false",
    // equals_no_patch (RubyGems): no ranges, versions = [1.1.6]
    "equals_no_patch.osv.json, paranoid2, 1.1.6, true",
    "equals_no_patch.osv.json, paranoid2, 1.1.7, false",
    // full_ranges (Maven, ECOSYSTEM): [2.5.0, 2.5.16)
    "full_ranges.osv.json, com.typesafe.akka:akka-actor_2.12, 2.4.20, false",
    "full_ranges.osv.json, com.typesafe.akka:akka-actor_2.12, 2.5, true",
    "full_ranges.osv.json, com.typesafe.akka:akka-actor_2.12, 2.5.16-RC1, true",
    "full_ranges.osv.json, com.typesafe.akka:akka-actor_2.12, 2.5.16, false",
    // less_than_equals_no_patch: the converter kept only introduced 0, so every version is in
    "less_than_equals_no_patch.osv.json, shiba, 99.0.0, true",
    // maven_greater_than: three intervals [11.6.1, 11.10.13), [12.0, 12.6.7), [12.10.0, 12.10.2)
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core, 11.6, false",
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core, 11.6.1, true",
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core, 11.10.13, false",
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core, 12.0.0, true",
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core, 12.6.7, false",
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core, 12.9, false",
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core, 12.10.1, true",
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core, 12.10.2, false",
    // multiple_ranges_in_package (RubyGems): [0, 3.0.21) and [4.0.1, 4.0.5)
    "multiple_ranges_in_package.osv.json, passenger, 3.0.20, true",
    "multiple_ranges_in_package.osv.json, passenger, 3.0.21, false",
    "multiple_ranges_in_package.osv.json, passenger, 4.0.0, false",
    "multiple_ranges_in_package.osv.json, passenger, 4.0.1, true",
    "multiple_ranges_in_package.osv.json, passenger, 4.0.5, false",
    // npm_greater_than (SEMVER): [2.1.1-0, 3.0.0) — a prerelease of 3.0.0 is below 3.0.0
    "npm_greater_than.osv.json, jquery, 2.1.0, false",
    "npm_greater_than.osv.json, jquery, 2.1.1-0, true",
    "npm_greater_than.osv.json, jquery, 3.0.0-rc1, true",
    "npm_greater_than.osv.json, jquery, 3.0.0, false",
    // pypi_normalize (PEP 440): [0, 2.6.1); 2.6.1rc1 < 2.6.1 < 2.6.1.post1
    "pypi_normalize.osv.json, products-pluggableauthservice, 2.6.1rc1, true",
    "pypi_normalize.osv.json, products-pluggableauthservice, 2.6.1, false",
    "pypi_normalize.osv.json, products-pluggableauthservice, 2.6.0.post1, true",
    // withdrawn (RubyGems): events out of order; sorted they give three intervals
    "withdrawn.osv.json, activesupport, 3.2.21, true",
    "withdrawn.osv.json, activesupport, 3.2.22, false",
    "withdrawn.osv.json, activesupport, 4.1.10, true",
    "withdrawn.osv.json, activesupport, 4.1.11, false",
    "withdrawn.osv.json, activesupport, 4.2.1, true",
    "withdrawn.osv.json, activesupport, 4.2.2, false",
    // GO-2020-0001 (Go, SEMVER without v): Go's own v-prefixed versions are accepted
    "GO-2020-0001.json, github.com/gin-gonic/gin, v1.5.0, true",
    "GO-2020-0001.json, github.com/gin-gonic/gin, 1.6.0, false",
    "GO-2020-0001.json, github.com/gin-gonic/gin, v1.6.0-rc.1, true",
    // CVE-2018-5407 (Alpine:v3.3, apk order): fixed 1.0.2q-r0
    "CVE-2018-5407.json, openssl, 1.0.2p-r0, true",
    "CVE-2018-5407.json, openssl, 1.0.2q-r0, false",
    "CVE-2018-5407.json, openssl, 1.0.2q-r1, false",
    // PYSEC-2023-74 (PyPI): the versions list and [2.3.0, 2.31.0); the GIT range is skipped
    "PYSEC-2023-74.json, requests, 2.30.0, true",
    "PYSEC-2023-74.json, requests, 2.3.0, true",
    "PYSEC-2023-74.json, requests, 2.31.0, false",
    "PYSEC-2023-74.json, requests, 2.2.1, false",
    // RHSA-2024_4546 (Red Hat:rhel_aus:8.6::appstream, RPM EVR): fixed 0:2.13.3-3.el8_6.1
    "RHSA-2024_4546.json, git-lfs, 2.13.3-3.el8_6, true",
    "RHSA-2024_4546.json, git-lfs, 0:2.13.3-3.el8_6.1, false",
    "RHSA-2024_4546.json, git-lfs, 2.13.3-3.el8_6.1, false",
    "RHSA-2024_4546.json, git-lfs, 1:2.0-1.el8, false",
  })
  void realRecords(String file, String pkg, String version, boolean expected) throws Exception {
    assertThat(affected(file, pkg, version)).isEqualTo(expected);
  }

  @Test
  void defectiveRecordsAreRefused() {
    JsonNode noIntroduced = affected("nointroduced-CVE-2023-41045.json", null);
    assertThatThrownBy(() -> ranges(noIntroduced))
        .isInstanceOf(RangeException.class)
        .hasMessageContaining("introduced");
  }

  private static OsvRange range(OsvRange.Type type, String... events) throws RangeException {
    List<OsvEvent> out = new ArrayList<>();
    for (String e : events) {
      String[] kv = e.split("=", 2);
      out.add(new OsvEvent(OsvEvent.Kind.valueOf(kv[0]), kv[1]));
    }
    return OsvRange.of(type, type == OsvRange.Type.GIT ? "https://example.com/r" : null, out);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // last_affected is inclusive; limits exclude versions at or above every limit
    "'INTRODUCED=1.0.0 LAST_AFFECTED=1.2.0', 1.2.0, true",
    "'INTRODUCED=1.0.0 LAST_AFFECTED=1.2.0', 1.2.1, false",
    "'INTRODUCED=0 LIMIT=2.0.0', 1.9.9, true",
    "'INTRODUCED=0 LIMIT=2.0.0', 2.0.0, false",
    "'INTRODUCED=0 LIMIT=*', 99.0.0, true",
    "'INTRODUCED=0 LIMIT=1.0.0 LIMIT=3.0.0', 2.5.0, true",
    "'INTRODUCED=1.0.0 FIXED=1.1.0 INTRODUCED=2.0.0', 1.5.0, false",
    "'INTRODUCED=1.0.0 FIXED=1.1.0 INTRODUCED=2.0.0', 7.0.0, true",
    "'INTRODUCED=1.0.0', 0.9.0, false",
  })
  void schemaSemantics(String events, String version, boolean expected) throws Exception {
    OsvRange r = range(OsvRange.Type.SEMVER, events.split(" "));
    assertThat(OSV.inRange(r, version, SCHEMES.byName("semver").orElseThrow(), null))
        .isEqualTo(expected);
  }

  @Test
  void rangeRulesOfTheSchema() {
    assertThatThrownBy(() -> range(OsvRange.Type.SEMVER, "FIXED=1.0.0"))
        .hasMessageContaining("introduced");
    assertThatThrownBy(
            () -> range(OsvRange.Type.SEMVER, "INTRODUCED=0", "FIXED=1.0.0", "LAST_AFFECTED=0.9"))
        .hasMessageContaining("both");
    assertThatThrownBy(
            () ->
                OsvRange.of(
                    OsvRange.Type.GIT, null, List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"))))
        .hasMessageContaining("repo");
  }

  /** History a - b - c - d on main, with a branch b - x - y (x cherry-picks the fix c). */
  private static final Map<String, Set<String>> PARENTS =
      Map.of(
          "a", Set.of(),
          "b", Set.of("a"),
          "c", Set.of("b"),
          "d", Set.of("c"),
          "x", Set.of("b"),
          "y", Set.of("x"));

  private static boolean reaches(String ancestor, String commit) {
    if (ancestor.equals(commit)) {
      return true;
    }
    for (String p : PARENTS.get(commit)) {
      if (reaches(ancestor, p)) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "'INTRODUCED=b FIXED=c', a, false",
    "'INTRODUCED=b FIXED=c', b, true",
    "'INTRODUCED=b FIXED=c', c, false",
    "'INTRODUCED=b FIXED=c', d, false",
    "'INTRODUCED=b FIXED=c', y, true",
    "'INTRODUCED=b FIXED=c FIXED=x', y, false",
    "'INTRODUCED=0 LAST_AFFECTED=b', b, true",
    "'INTRODUCED=0 LAST_AFFECTED=b', c, false",
    "'INTRODUCED=b LIMIT=d', c, true",
    "'INTRODUCED=b LIMIT=d', d, false",
    "'INTRODUCED=b LIMIT=d', y, false",
  })
  void gitRangesFollowAncestry(String events, String commit, boolean expected) throws Exception {
    CommitGraph graph = (repo, ancestor, c) -> reaches(ancestor, c);
    OsvRange r = range(OsvRange.Type.GIT, events.split(" "));
    assertThat(OSV.inRange(r, commit, null, graph)).isEqualTo(expected);
  }

  @Test
  void gitRangeWithoutAGraphIsAnError() throws Exception {
    OsvRange r = range(OsvRange.Type.GIT, "INTRODUCED=b", "FIXED=c");
    assertThatThrownBy(() -> OSV.inRange(r, "b", null, null)).isInstanceOf(RangeException.class);
  }

  /**
   * Every ECOSYSTEM/SEMVER range of the records above, converted to vers, must agree with the OSV
   * evaluation on every version its events name and on neighbours of those versions.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "equals_with_patch.osv.json, mixin-deep, 'vers:semver/<1.3.2|>=2.0.0|<2.0.1'",
    "full_ranges.osv.json, com.typesafe.akka:akka-actor_2.12, 'vers:maven/>=2.5.0|<2.5.16'",
    "less_than_equals_no_patch.osv.json, shiba, 'vers:semver/*'",
    "maven_greater_than.osv.json, org.xwiki.commons:xwiki-commons-core,"
        + " 'vers:maven/>=11.6.1|<11.10.13|>=12.0|<12.6.7|>=12.10.0|<12.10.2'",
    "multiple_ranges_in_package.osv.json, passenger, 'vers:gem/<3.0.21|>=4.0.1|<4.0.5'",
    "npm_greater_than.osv.json, jquery, 'vers:semver/>=2.1.1-0|<3.0.0'",
    "withdrawn.osv.json, activesupport,"
        + " 'vers:gem/>=3.2.0|<3.2.22|>=4.0.0|<4.1.11|>=4.2.0|<4.2.2'",
    "RHSA-2024_4546.json, git-lfs, 'vers:rpm/<0:2.13.3-3.el8_6.1'",
  })
  void osvRangesAsVers(String file, String pkg, String expected) throws Exception {
    JsonNode a = affected(file, pkg);
    VersionScheme scheme =
        SCHEMES.forOsvEcosystem(a.at("/package/ecosystem").asText()).orElseThrow();
    OsvRange r = ranges(a).get(0);
    String name = r.type() == OsvRange.Type.SEMVER ? "semver" : scheme.name();
    VersRange vers = OSV.toVers(r, scheme, name);
    assertThat(vers.toString()).isEqualTo(expected);
    List<String> probes = new ArrayList<>();
    for (OsvEvent e : r.events()) {
      if (!e.isZero()) {
        probes.add(e.value());
        probes.add(e.value() + ".1");
        probes.add(e.value().replaceFirst("[0-9]+$", "0"));
      }
    }
    probes.add("0.0.1");
    probes.add("999.0.0");
    for (String p : probes) {
      try {
        scheme.validate(p);
        SCHEMES.byName(name).orElseThrow().validate(p);
      } catch (VersionException notAVersion) {
        continue;
      }
      assertThat(vers.contains(p, SCHEMES))
          .as("%s in %s", p, vers)
          .isEqualTo(OSV.inRange(r, p, scheme, null));
    }
  }
}
