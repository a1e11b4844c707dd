package dev.hallmark.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.AdvisoryReader;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Findings from real advisories, each expectation worked out by hand from the document (the
 * reasoning is in the comments).
 */
class CorrelatorTest {
  private static Advisory advisory(String name) throws Exception {
    try (InputStream in = CorrelatorTest.class.getResourceAsStream("/trustify/" + name)) {
      return AdvisoryReader.withDefaultLimits().read(in.readAllBytes());
    }
  }

  private static Map<String, Finding> byRef(Correlator.Result r) {
    return r.findings().stream().collect(Collectors.toMap(f -> f.component().ref(), f -> f));
  }

  /**
   * RUSTSEC-2022-0022 (hyper) has no CVE alias — only GHSA-f67m-9j94-qv9j — and a SEMVER range
   * introduced 0.0.0-0, fixed 0.14.12. So hyper 0.14.11 is affected and reported under the RUSTSEC
   * id (not dropped for lack of a CVE); 0.14.12 is the fix; a crate of another name is not hyper.
   */
  @Test
  void osvRecordWithoutCveAliasIsKeptUnderItsOwnId() throws Exception {
    Correlator.Result r =
        new Correlator()
            .correlate(
                List.of(
                    new Component("a", "pkg:cargo/hyper@0.14.11", null, "hyper"),
                    new Component("b", "pkg:cargo/hyper@0.14.12", null, "hyper"),
                    new Component("c", "pkg:cargo/hyper-util@0.1.0", null, "hyper-util")),
                List.of(advisory("RUSTSEC-2022-0022.json")));
    assertThat(r.findings()).hasSize(1);
    Finding f = r.findings().get(0);
    assertThat(f.component().ref()).isEqualTo("a");
    assertThat(f.vulnerability()).isEqualTo("RUSTSEC-2022-0022");
    assertThat(f.aliases()).containsExactly("GHSA-f67m-9j94-qv9j");
    assertThat(f.status()).isEqualTo(FindingStatus.AFFECTED);
    assertThat(f.evidence().matchedBy()).isEqualTo("purl");
    assertThat(f.evidence().identifier()).isEqualTo("pkg:cargo/hyper");
    assertThat(f.evidence().range()).contains("fixed=0.14.12");
  }

  /**
   * GHSA-45c4-8wx5-qw6w: PyPI "aiohttp", ECOSYSTEM range introduced 0, fixed 3.8.5, alias
   * CVE-2023-37276. PEP 440: names compare normalised ("AIOHTTP" is "aiohttp"), and the release
   * candidate 3.8.5rc1 sorts before 3.8.5, so it is still affected; 3.8.5 and 3.10.0 are not (3.10
   * is above 3.8 numerically, where a string comparison would say otherwise).
   */
  @Test
  void pep440OrderingAndNameNormalisation() throws Exception {
    Correlator.Result r =
        new Correlator()
            .correlate(
                List.of(
                    new Component("old", "pkg:pypi/AIOHTTP@3.8.4", null, "aiohttp"),
                    new Component("rc", "pkg:pypi/aiohttp@3.8.5rc1", null, "aiohttp"),
                    new Component("fixed", "pkg:pypi/aiohttp@3.8.5", null, "aiohttp"),
                    new Component("newer", "pkg:pypi/aiohttp@3.10.0", null, "aiohttp")),
                List.of(advisory("GHSA-45c4-8wx5-qw6w.json")));
    assertThat(byRef(r).keySet()).containsExactlyInAnyOrder("old", "rc");
    assertThat(byRef(r).get("old").vulnerability()).isEqualTo("CVE-2023-37276");
    assertThat(byRef(r).get("old").aliases()).contains("GHSA-45c4-8wx5-qw6w");
    assertThat(byRef(r).get("old").evidence().scheme()).isEqualTo("pypi");
    // the record gives only vectors: CVSS 3.1 .../C:N/I:L/A:N is 5.3, CVSS 4.0 .../VC:N/VI:L/VA:N
    // is 6.9 (GitHub shows both); the v4 score is the one reported, in its "medium" band
    assertThat(byRef(r).get("old").baseScore()).isEqualTo(6.9);
    assertThat(byRef(r).get("old").severity()).isEqualTo("medium");
  }

  /**
   * Red Hat's VEX for CVE-2023-0044 lists "Red Hat build of Quarkus" (cpe:/a:redhat:quarkus:2.13)
   * and "Red Hat build of Quarkus 2.7.7" (cpe:/a:redhat:quarkus:2.7) as fixed: CPE-only products. A
   * component identified by the CPE of the 2.13 stream is fixed; one of quarkus 2 (a different,
   * broader value, "2" is not "2.13") matches neither. The known_affected entry
   * "red_hat_build_of_quarkus:io.quarkus/quarkus-vertx-http" names a component with no package URL
   * or CPE, so a component that merely has that name matches nothing: names are never match keys.
   */
  @Test
  void csafCpeOnlyProductsAndNoMatchingByName() throws Exception {
    Correlator.Result r =
        new Correlator()
            .correlate(
                List.of(
                    new Component("q213", null, "cpe:2.3:a:redhat:quarkus:2.13:*:*:*:*:*:*:*", "q"),
                    new Component("q2", null, "cpe:/a:redhat:quarkus:2", "q"),
                    new Component(
                        "vertx",
                        "pkg:maven/io.quarkus/quarkus-vertx-http@2.13.5",
                        null,
                        "io.quarkus/quarkus-vertx-http")),
                List.of(advisory("cve-2023-0044.json")));
    Map<String, Finding> f = byRef(r);
    assertThat(f.keySet()).containsExactly("q213");
    assertThat(f.get("q213").status()).isEqualTo(FindingStatus.FIXED);
    assertThat(f.get("q213").vulnerability()).isEqualTo("CVE-2023-0044");
    assertThat(f.get("q213").evidence().matchedBy()).isEqualTo("cpe");
    assertThat(f.get("q213").evidence().statement())
        .contains("fixed")
        .contains("Red Hat build of Quarkus");
  }

  /**
   * CVE-2024-26308 (commons-compress): affected from 1.21 below 1.26.0, versionType "semver",
   * defaultStatus unaffected; the package is named by collectionURL (Maven Central) and
   * packageName. "1.21" is not a SemVer version, so Maven's ordering decides: 1.25.0 is affected,
   * 1.26.0 and 1.20 are unaffected (the default), and 1.21 itself is affected (inclusive start).
   */
  @Test
  void cveRecordByPackageWithDefaultStatus() throws Exception {
    Correlator.Result r =
        new Correlator()
            .correlate(
                List.of(
                    new Component(
                        "a", "pkg:maven/org.apache.commons/commons-compress@1.25.0", null, "x"),
                    new Component(
                        "b", "pkg:maven/org.apache.commons/commons-compress@1.26.0", null, "x"),
                    new Component(
                        "c", "pkg:maven/org.apache.commons/commons-compress@1.20", null, "x"),
                    new Component(
                        "d", "pkg:maven/org.apache.commons/commons-compress@1.21", null, "x")),
                List.of(advisory("CVE-2024-26308.json")));
    Map<String, Finding> f = byRef(r);
    assertThat(f.get("a").status()).isEqualTo(FindingStatus.AFFECTED);
    assertThat(f.get("d").status()).isEqualTo(FindingStatus.AFFECTED);
    assertThat(f.get("b").status()).isEqualTo(FindingStatus.NOT_AFFECTED);
    assertThat(f.get("c").status()).isEqualTo(FindingStatus.NOT_AFFECTED);
    assertThat(f.get("a").evidence().range()).contains("< 1.26.0");
  }

  /**
   * Precedence: CVE-2024-26308 says commons-compress 1.25.0 is affected; a supplier's VEX (made up
   * here, as a CSAF record: product pkg:maven/org.apache.commons/commons-compress@1.25.0,
   * known_not_affected, flag vulnerable_code_not_present) says it is not. By default the VEX wins
   * and the CVE statement is kept as overridden evidence; a precedence that puts "affected" first
   * keeps the CVE's verdict instead.
   */
  @Test
  void vexNotAffectedSuppressesAffectedAndPrecedenceIsConfigurable() throws Exception {
    dev.hallmark.core.advisory.CsafAdvisory vex =
        new dev.hallmark.core.advisory.CsafAdvisory(
            "EXAMPLE-VEX-1",
            "csaf_vex",
            "commons-compress in Example",
            "Example",
            "https://example.com",
            "2024-03-01T00:00:00Z",
            "2024-03-01T00:00:00Z",
            "final",
            List.of(),
            List.of(),
            Map.of(
                "cc",
                new dev.hallmark.core.advisory.CsafProduct(
                    "cc",
                    "commons-compress 1.25.0",
                    List.of(),
                    "pkg:maven/org.apache.commons/commons-compress@1.25.0",
                    null,
                    List.of())),
            List.of(),
            Map.of(),
            List.of(
                new dev.hallmark.core.advisory.CsafVulnerability(
                    "CVE-2024-26308",
                    null,
                    null,
                    List.of(),
                    Map.of(
                        dev.hallmark.core.advisory.ProductStatus.KNOWN_NOT_AFFECTED, List.of("cc")),
                    List.of(),
                    List.of(),
                    List.of(
                        new dev.hallmark.core.advisory.CsafVulnerability.Flag(
                            "vulnerable_code_not_present", List.of("cc"), List.of())),
                    List.of(),
                    List.of(),
                    List.of())),
            List.of());
    List<Component> c =
        List.of(
            new Component(
                "a", "pkg:maven/org.apache.commons/commons-compress@1.25.0?type=jar", null, "x"));
    List<Advisory> advisories = List.of(advisory("CVE-2024-26308.json"), vex);
    Finding byDefault = new Correlator().correlate(c, advisories).findings().get(0);
    assertThat(byDefault.status()).isEqualTo(FindingStatus.NOT_AFFECTED);
    assertThat(byDefault.justification()).isEqualTo("vulnerable_code_not_present");
    assertThat(byDefault.evidence().advisory()).isEqualTo("EXAMPLE-VEX-1");
    assertThat(byDefault.overridden())
        .extracting(Evidence::advisory)
        .containsExactly("CVE-2024-26308");
    List<FindingStatus> affectedFirst =
        List.of(
            FindingStatus.AFFECTED,
            FindingStatus.NOT_AFFECTED,
            FindingStatus.FIXED,
            FindingStatus.UNDER_INVESTIGATION);
    Finding strict =
        new Correlator(dev.hallmark.core.match.VersionSchemes.standard(), affectedFirst)
            .correlate(c, advisories)
            .findings()
            .get(0);
    assertThat(strict.status()).isEqualTo(FindingStatus.AFFECTED);
    assertThat(strict.evidence().advisory()).isEqualTo("CVE-2024-26308");

    // the same justification given for a product group that holds the product
    dev.hallmark.core.advisory.CsafVulnerability v = vex.vulnerabilities().get(0);
    dev.hallmark.core.advisory.CsafAdvisory byGroup =
        new dev.hallmark.core.advisory.CsafAdvisory(
            vex.id(),
            vex.category(),
            vex.title(),
            vex.publisher(),
            vex.publisherNamespace(),
            vex.initialRelease(),
            vex.currentRelease(),
            vex.trackingStatus(),
            vex.notes(),
            vex.references(),
            vex.products(),
            vex.relationships(),
            Map.of("g1", List.of("cc")),
            List.of(
                new dev.hallmark.core.advisory.CsafVulnerability(
                    v.cve(),
                    v.cwe(),
                    v.title(),
                    v.ids(),
                    v.statuses(),
                    v.scores(),
                    v.remediations(),
                    List.of(
                        new dev.hallmark.core.advisory.CsafVulnerability.Flag(
                            "inline_mitigations_already_exist", List.of(), List.of("g1"))),
                    v.threats(),
                    v.notes(),
                    v.references())),
            vex.warnings());
    assertThat(
            new Correlator()
                .correlate(c, List.of(advisory("CVE-2024-26308.json"), byGroup))
                .findings()
                .get(0)
                .justification())
        .isEqualTo("inline_mitigations_already_exist");
  }

  /**
   * RPM epoch and a stream-scoped vendor convention, on a made-up Red Hat-style VEX: the fixed
   * build is openssl 1:3.0.7-16.el9_2 (purl qualifier epoch=1) as a component of RHEL 9.
   *
   * <ul>
   *   <li>a, the fixed build itself (another arch qualifier): fixed — qualifiers other than the
   *       epoch do not matter, and epoch 1 equals epoch 1.
   *   <li>b, 0:3.0.9-1.el9: no statement names it, so without a profile nothing is said. With the
   *       Red Hat RPM profile it is in the el9 stream of the fix (el9_2 and el9 are both el9), and
   *       epoch 0 sorts below epoch 1 whatever the version, so it is before the fix: affected. (A
   *       comparison that ignored the epoch would call 3.0.9 newer than 3.0.7 and miss it.)
   *   <li>c, 1:1.1.1k-9.el8: another stream (el8); the el9 fix says nothing about it.
   *   <li>d, 1:3.0.8-1.el9_3: after the fix in the same stream; nothing to report.
   * </ul>
   */
  @Test
  void rpmEpochAndFixedInStreamProfile() throws Exception {
    dev.hallmark.core.advisory.CsafAdvisory vex =
        new dev.hallmark.core.advisory.CsafAdvisory(
            "EXAMPLE-RHSA-1",
            "csaf_vex",
            "openssl",
            "Example",
            "https://example.com",
            "2024-03-01T00:00:00Z",
            "2024-03-01T00:00:00Z",
            "final",
            List.of(),
            List.of(),
            Map.of(
                "rhel9",
                new dev.hallmark.core.advisory.CsafProduct(
                    "rhel9",
                    "RHEL 9",
                    List.of(),
                    null,
                    "cpe:/o:redhat:enterprise_linux:9",
                    List.of()),
                "openssl-fixed",
                new dev.hallmark.core.advisory.CsafProduct(
                    "openssl-fixed",
                    "openssl-1:3.0.7-16.el9_2.x86_64",
                    List.of(),
                    "pkg:rpm/redhat/openssl@3.0.7-16.el9_2?arch=x86_64&epoch=1",
                    null,
                    List.of())),
            List.of(
                new dev.hallmark.core.advisory.CsafRelationship(
                    "default_component_of",
                    "openssl-fixed",
                    "rhel9",
                    "rhel9:openssl-fixed",
                    "openssl as a component of RHEL 9")),
            Map.of(),
            List.of(
                new dev.hallmark.core.advisory.CsafVulnerability(
                    "CVE-2023-0001",
                    null,
                    null,
                    List.of(),
                    Map.of(
                        dev.hallmark.core.advisory.ProductStatus.FIXED,
                        List.of("rhel9:openssl-fixed")),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of())),
            List.of());
    List<Component> c =
        List.of(
            new Component(
                "a", "pkg:rpm/redhat/openssl@3.0.7-16.el9_2?arch=aarch64&epoch=1", null, "o"),
            new Component("b", "pkg:rpm/redhat/openssl@3.0.9-1.el9?arch=x86_64", null, "o"),
            new Component(
                "c", "pkg:rpm/redhat/openssl@1.1.1k-9.el8?arch=x86_64&epoch=1", null, "o"),
            new Component(
                "d", "pkg:rpm/redhat/openssl@3.0.8-1.el9_3?arch=x86_64&epoch=1", null, "o"));
    Map<String, Finding> plain = byRef(new Correlator().correlate(c, List.of(vex)));
    assertThat(plain.keySet()).containsExactly("a");
    assertThat(plain.get("a").status()).isEqualTo(FindingStatus.FIXED);
    assertThat(plain.get("a").evidence().statement()).contains("rhel9:openssl-fixed");

    Map<String, Finding> profiled =
        byRef(
            new Correlator(
                    dev.hallmark.core.match.VersionSchemes.standard(),
                    Correlator.DEFAULT_PRECEDENCE,
                    List.of(VendorProfile.redHatRpm()))
                .correlate(c, List.of(vex)));
    assertThat(profiled.keySet()).containsExactlyInAnyOrder("a", "b");
    assertThat(profiled.get("b").status()).isEqualTo(FindingStatus.AFFECTED);
    assertThat(profiled.get("b").evidence().range()).contains("stream el9");
    assertThat(profiled.get("b").evidence().statement()).startsWith("profile red-hat-rpm-stream");
    assertThat(profiled.get("b").evidence().scheme()).isEqualTo("rpm");
  }
}
