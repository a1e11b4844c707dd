package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Orderings the vectors do not cover, written down from the specifications themselves: analyzer
 * spec §3 (rpmvercmp, verrevcmp), PEP 440, SemVer 2.0 §11, the Go module reference
 * (pseudo-versions, +incompatible), RubyGems, Composer and Maven documentation.
 */
class SchemeFactsTest {
  private static final VersionSchemes SCHEMES = VersionSchemes.standard();

  @ParameterizedTest(name = "{0}: {1} {2} {3}")
  @CsvSource({
    // analyzer spec §3.1 consequences
    "rpm, 1.0~rc1, <, 1.0",
    "rpm, 1.0, <, 1.0^git1",
    "rpm, 1.0^git1, <, 1.0.1",
    "rpm, 1.010, =, 1.10",
    "rpm, 1.0a, <, 1.0.1",
    "rpm, 2:1.0, >, 1:9.9",
    "rpm, 0:1.0-1.el8, =, 1.0-1.el8",
    "rpm, 1.0-1.el8, <, 1.0-1.el8_6.1",
    // §3.2
    "deb, 1.0~rc1, <, 1.0",
    "deb, 1:0.5, >, 2.0",
    "deb, 1.0-1, <, 1.0-2",
    "deb, 1.0, =, 1.0-0",
    "deb, 1.0a, <, 1.0+",
    "deb, 2.30-1ubuntu1, >, 2.30-1",
    // PEP 440 ordering and normalisation
    "pypi, 1.0.dev1, <, 1.0a1",
    "pypi, 1.0a1.dev1, <, 1.0a1",
    "pypi, 1.0a1, <, 1.0b1",
    "pypi, 1.0b1, <, 1.0rc1",
    "pypi, 1.0rc1, <, 1.0",
    "pypi, 1.0, <, 1.0.post1",
    "pypi, 1.0.post1.dev1, <, 1.0.post1",
    "pypi, 1.0, =, 1.0.0",
    "pypi, 1.0a, =, 1.0a0",
    "pypi, 1.0-1, =, 1.0.post1",
    "pypi, 1.0r1, =, 1.0.post1",
    "pypi, v1.0, =, 1.0",
    "pypi, 1.0ALPHA1, =, 1.0a1",
    "pypi, 1.0c1, =, 1.0rc1",
    "pypi, 1.0preview1, =, 1.0rc1",
    "pypi, 1!0.1, >, 2.0",
    "pypi, 1.0+local, >, 1.0",
    "pypi, 1.0+1, >, 1.0+abc",
    "pypi, 1.0+abc.2, >, 1.0+abc",
    // SemVer 2.0 §11
    "semver, 1.0.0-alpha, <, 1.0.0-alpha.1",
    "semver, 1.0.0-alpha.1, <, 1.0.0-alpha.beta",
    "semver, 1.0.0-alpha.beta, <, 1.0.0-beta",
    "semver, 1.0.0-beta, <, 1.0.0-beta.2",
    "semver, 1.0.0-beta.2, <, 1.0.0-beta.11",
    "semver, 1.0.0-beta.11, <, 1.0.0-rc.1",
    "semver, 1.0.0-rc.1, <, 1.0.0",
    "semver, 1.0.0+build.1, =, 1.0.0",
    "npm, v1.2.3, =, 1.2.3",
    "cargo, 0.10.0, >, 0.9.9",
    // Go: pseudo-versions are prereleases, +incompatible is build metadata
    "golang, v1.2.4-0.20191109021931-daa7c04131f5, <, v1.2.4",
    "golang, v1.2.4-0.20191109021931-daa7c04131f5, >, v1.2.3",
    "golang, v0.0.0-20201203163018-be400aefbc4c, <, v0.0.1",
    "golang, v1.2.3-pre.0.20191109021931-daa7c04131f5, >, v1.2.3-pre",
    "golang, v2.0.0+incompatible, =, v2.0.0",
    // RubyGems
    "gem, 1.0.a, <, 1.0",
    "gem, 1.0-1, <, 1.0",
    "gem, 1.0.0, =, 1",
    "gem, 1.0.b1, >, 1.0.a2",
    "gem, 1.9, <, 1.10",
    "gem, 2.0.0.rc1, <, 2.0.0",
    // Composer
    "composer, 1.0.0-dev, <, 1.0.0-alpha1",
    "composer, 1.0.0-alpha1, <, 1.0.0-beta",
    "composer, 1.0.0-beta, <, 1.0.0-RC1",
    "composer, 1.0.0-RC1, <, 1.0.0",
    "composer, 1.0.0, <, 1.0.0-p1",
    "composer, v1.0, =, 1.0.0.0",
    "composer, dev-master, <, 0.0.1",
    // Maven qualifier order (ComparableVersion documentation)
    "maven, 1, =, 1.0.0",
    "maven, 1.0-alpha, <, 1.0-beta",
    "maven, 1.0-beta, <, 1.0-milestone",
    "maven, 1.0-milestone, <, 1.0-rc",
    "maven, 1.0-rc, =, 1.0-cr",
    "maven, 1.0-rc, <, 1.0-snapshot",
    "maven, 1.0-snapshot, <, 1.0",
    "maven, 1.0, =, 1.0-ga",
    "maven, 1.0-final, =, 1.0-release",
    "maven, 1.0, <, 1.0-sp",
    "maven, 1.0-sp, <, 1.0-foo",
    "maven, 1.0-a1, =, 1.0-alpha-1",
    // NuGet: four parts, case-insensitive labels
    "nuget, 1.0.0.1, >, 1.0.0",
    "nuget, 1.0.0-RC.1, =, 1.0.0-rc.1",
    // Alpine
    "apk, 1.2.3_rc1-r0, <, 1.2.3-r0",
    "apk, 1.2.3_p1, >, 1.2.3-r5",
  })
  void ordering(String scheme, String a, String op, String b) throws Exception {
    VersionScheme s = SCHEMES.byName(scheme).orElseThrow();
    int expected = op.equals("<") ? -1 : op.equals(">") ? 1 : 0;
    assertThat(Integer.signum(s.compare(a, b))).isEqualTo(expected);
    assertThat(Integer.signum(s.compare(b, a))).isEqualTo(-expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "semver, 1.2",
    "semver, 01.2.3",
    "semver, 1.2.3-01",
    "semver, 1.2.3-",
    "npm, x.y.z",
    "golang, v1.2",
    "pypi, not-a-version",
    "pypi, 1.0-beta-gamma",
    "rpm, ''",
    "rpm, x:1.0",
    "deb, a1.0",
    "deb, 1.0 1",
    "apk, a1",
    "apk, 1.0_foo",
    "gentoo, 1.0-foo",
    "nuget, x",
    "openssl, 3",
    "datetime, yesterday",
    "gem, 1..0",
    "composer, latest",
    "maven, ''",
  })
  void invalidVersionsAreRefused(String scheme, String version) {
    VersionScheme s = SCHEMES.byName(scheme).orElseThrow();
    assertThatThrownBy(() -> s.validate(version)).isInstanceOf(VersionException.class);
  }

  @Test
  void registryMapsPurlTypesAndOsvEcosystems() {
    assertThat(SCHEMES.forPurlType("RPM").orElseThrow().name()).isEqualTo("rpm");
    assertThat(SCHEMES.forPurlType("golang").orElseThrow().name()).isEqualTo("golang");
    assertThat(SCHEMES.forPurlType("oci")).isEmpty();
    assertThat(SCHEMES.forOsvEcosystem("Debian:12").orElseThrow().name()).isEqualTo("deb");
    assertThat(SCHEMES.forOsvEcosystem("Ubuntu:Pro:18.04:LTS").orElseThrow().name())
        .isEqualTo("deb");
    assertThat(SCHEMES.forOsvEcosystem("Alpine:v3.20").orElseThrow().name()).isEqualTo("apk");
    assertThat(SCHEMES.forOsvEcosystem("Red Hat:rhel_aus:8.4::appstream").orElseThrow().name())
        .isEqualTo("rpm");
    assertThat(SCHEMES.forOsvEcosystem("Go").orElseThrow().name()).isEqualTo("golang");
    assertThat(SCHEMES.forOsvEcosystem("crates.io").orElseThrow().name()).isEqualTo("cargo");
    assertThat(SCHEMES.forOsvEcosystem("Packagist").orElseThrow().name()).isEqualTo("composer");
    assertThat(SCHEMES.forOsvEcosystem("Linux")).isEmpty();
    assertThat(SCHEMES.byName("nope")).isEmpty();
  }
}
