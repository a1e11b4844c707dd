package dev.hallmark.core.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values read off the vector documents themselves (see SOURCE.md beside them). */
class SpotValuesTest {
  @Test
  void redHatVex() throws Exception {
    CsafAdvisory a = (CsafAdvisory) Vectors.read(Vectors.TRUSTIFY + "csaf/CVE-2023-20862.json");
    assertThat(a.id()).isEqualTo("CVE-2023-20862");
    assertThat(a.category()).isEqualTo("csaf_vex");
    assertThat(a.publisher()).isEqualTo("Red Hat Product Security");
    // 28 branch leaves + 22 relationship products
    assertThat(a.products()).hasSize(50);
    assertThat(a.relationships()).hasSize(22);
    CsafRelationship r = a.relationshipOf("a-mq_clients_2:spring-security").orElseThrow();
    assertThat(r.category()).isEqualTo("default_component_of");
    assertThat(r.productReference()).isEqualTo("spring-security");
    assertThat(r.relatesTo()).isEqualTo("a-mq_clients_2");
    CsafVulnerability v = a.vulnerabilities().get(0);
    assertThat(v.cve()).isEqualTo("CVE-2023-20862");
    assertThat(v.products(ProductStatus.KNOWN_AFFECTED)).hasSize(13);
    assertThat(v.products(ProductStatus.KNOWN_NOT_AFFECTED)).hasSize(9);
    assertThat(v.products(ProductStatus.FIXED)).isEmpty();
    assertThat(v.scores()).hasSize(1);
    Score s = v.scores().get(0);
    assertThat(s.type()).isEqualTo("CVSS_V3");
    assertThat(s.baseScore()).isEqualTo(6.3);
    assertThat(s.severity()).isEqualTo("MEDIUM");
    assertThat(s.vector()).startsWith("CVSS:3.");
    assertThat(v.remediations())
        .extracting(CsafVulnerability.Remediation::category)
        .containsExactly("no_fix_planned", "no_fix_planned", "none_available");
    assertThat(v.flags())
        .extracting(CsafVulnerability.Flag::label)
        .containsExactly("vulnerable_code_not_present");
    assertThat(v.threats())
        .extracting(CsafVulnerability.Threat::category)
        .containsExactly("impact");
  }

  @Test
  void osvWithdrawn() throws Exception {
    OsvAdvisory a = (OsvAdvisory) Vectors.read(Vectors.OSV + "ghsa/testdata/withdrawn.osv.json");
    assertThat(a.id()).isEqualTo("GHSA-35c4-f3rq-f9g3");
    assertThat(a.isWithdrawn()).isTrue();
    assertThat(a.withdrawn()).isEqualTo("2018-10-11T17:29:49Z");
    assertThat(a.aliases()).containsExactly("CVE-2015-3227");
    assertThat(a.affected()).hasSize(1);
  }

  @Test
  void osvEcosystemSuffixAndPurl() throws Exception {
    OsvAdvisory a =
        (OsvAdvisory) Vectors.read(Vectors.OSV + "osv-linter/testdata/CVE-2018-5407.json");
    OsvAdvisory.Affected first = a.affected().get(0);
    assertThat(first.ecosystem()).isEqualTo("Alpine:v3.3");
    assertThat(first.name()).isEqualTo("openssl");
    assertThat(first.purl()).isEqualTo("pkg:apk/alpine/openssl?arch=source");
    assertThat(first.ranges().get(0).type()).isEqualTo("ECOSYSTEM");
    assertThat(first.ranges().get(0).events()).hasSize(2);
  }

  @Test
  void osvRustsec() throws Exception {
    OsvAdvisory a = (OsvAdvisory) Vectors.read(Vectors.TRUSTIFY + "osv/RUSTSEC-2021-0079.json");
    assertThat(a.aliases()).containsExactly("CVE-2021-32714", "GHSA-5h46-h7hh-c6x9");
    OsvAdvisory.Range range = a.affected().get(0).ranges().get(0);
    assertThat(range.type()).isEqualTo("SEMVER");
    assertThat(range.events())
        .containsExactly(
            new OsvAdvisory.Event(OsvAdvisory.Event.Kind.INTRODUCED, "0.0.0-0"),
            new OsvAdvisory.Event(OsvAdvisory.Event.Kind.FIXED, "0.14.10"));
    assertThat(a.affected().get(0).purl()).isEqualTo("pkg:cargo/hyper");
    assertThat(a.affected().get(0).databaseSpecific()).contains("CVSS:3.1/AV:N/AC:L");
    assertThat(a.severity()).extracting(Score::version).containsExactly("3.1");
  }

  @Test
  void osvYaml() throws Exception {
    OsvAdvisory a = (OsvAdvisory) Vectors.read(Vectors.TRUSTIFY + "osv/RSEC-2023-6.yaml");
    assertThat(a.id()).isEqualTo("RSEC-2023-6");
    assertThat(a.aliases()).containsExactly("CVE-2020-5238");
    OsvAdvisory.Affected affected = a.affected().get(0);
    assertThat(affected.ecosystem()).isEqualTo("CRAN");
    assertThat(affected.name()).isEqualTo("commonmark");
    assertThat(affected.versions()).hasSize(14).startsWith("0.2", "0.4").endsWith("1.7");
    assertThat(affected.ranges().get(0).events())
        .extracting(OsvAdvisory.Event::value)
        .containsExactly("0.2", "1.8");
  }

  @Test
  void cveWithAdp() throws Exception {
    CveRecord r = (CveRecord) Vectors.read(Vectors.TRUSTIFY + "cve/CVE-2023-44487.json");
    assertThat(r.dataVersion()).isEqualTo("5.1");
    assertThat(r.affected()).hasSize(2);
    CveRecord.Affected adp = r.affected().get(1);
    assertThat(adp.source()).isEqualTo("CISA-ADP");
    assertThat(adp.cpes()).containsExactly("cpe:2.3:a:ietf:http:2.0:*:*:*:*:*:*:*");
    assertThat(adp.defaultStatus()).isEqualTo("unknown");
    assertThat(r.metrics()).extracting(Score::type).containsExactly("CVSS_V3", "ssvc", "kev");
    assertThat(r.metrics().get(0).baseScore()).isEqualTo(7.5);
    assertThat(r.metrics().get(0).vector())
        .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
    assertThat(r.metrics().get(0).source()).isEqualTo("CISA-ADP");
  }

  @Test
  void cveVersionRange() throws Exception {
    CveRecord r = (CveRecord) Vectors.read(Vectors.TRUSTIFY + "cve/CVE-2024-26308.json");
    CveRecord.Affected a = r.affected().get(0);
    assertThat(a.packageName()).isEqualTo("org.apache.commons:commons-compress");
    assertThat(a.collectionUrl()).isEqualTo("https://repo.maven.apache.org/maven2/");
    assertThat(a.defaultStatus()).isEqualTo("unaffected");
    assertThat(a.versions())
        .containsExactly(
            new CveRecord.Version("1.21", "affected", "1.26.0", null, "semver", List.of()));
  }

  @Test
  void cve50() throws Exception {
    CveRecord r = (CveRecord) Vectors.read(Vectors.TRUSTIFY + "mitre/CVE-2024-27088.json");
    assertThat(r.dataVersion()).isEqualTo("5.0");
    assertThat(r.cwes()).containsExactly("CWE-400", "CWE-1333");
    assertThat(r.affected().get(0).vendor()).isEqualTo("medikoo");
    assertThat(r.affected().get(0).versions().get(0).version()).isEqualTo(">= 0.10.0, < 0.10.63");
  }

  @Test
  void cveChangesApplicabilityAndCvss4() throws Exception {
    byte[] doc =
        SpotValuesTest.class.getResourceAsStream("/made-up/CVE-2099-0001.json").readAllBytes();
    CveRecord r = (CveRecord) AdvisoryReader.withDefaultLimits().read(doc);
    assertThat(r.id()).isEqualTo("CVE-2099-0001");
    assertThat(r.dataVersion()).isEqualTo("5.2.0");
    assertThat(r.title()).isEqualTo("Widget parser overflow");
    assertThat(r.descriptions()).containsExactly("An overflow in the widget parser.");
    assertThat(r.cwes()).containsExactly("CWE-787");
    CveRecord.Affected a = r.affected().get(0);
    assertThat(a.source()).isEqualTo("cna");
    assertThat(a.versions())
        .containsExactly(
            new CveRecord.Version(
                "1.0",
                "affected",
                "1.*",
                null,
                "custom",
                List.of(
                    new CveRecord.Change("1.2", "unaffected"),
                    new CveRecord.Change("1.4", "affected"))),
            new CveRecord.Version("2.0", "affected", null, "2.3", "semver", List.of()));
    assertThat(r.cpeApplicability()).containsExactly("cpe:2.3:a:example:widget:*:*:*:*:*:*:*:*");
    assertThat(r.metrics()).extracting(Score::type).containsExactly("CVSS_V4", "CVSS_V2");
    assertThat(r.metrics().get(0).baseScore()).isEqualTo(9.3);
    assertThat(r.metrics().get(0).version()).isEqualTo("4.0");
    assertThat(r.references())
        .containsExactly(
            new Reference("vendor-advisory", "https://example.com/advisories/1", "advisory"));
  }

  @Test
  void bsiAdvisoryBranchesAndTemporalCvss() throws Exception {
    CsafAdvisory a =
        (CsafAdvisory) Vectors.readStrict(Vectors.CSAF + "examples/csaf/bsi-2022-0001.json");
    assertThat(a.id()).isEqualTo("BSI-2022-0001");
    CsafProduct rc1 = a.product("CSAFPID-0005").orElseThrow();
    assertThat(rc1.branches())
        .containsExactly(
            "vendor:CSAF Tools", "product_name:CVRF-CSAF-Converter", "product_version:1.0.0-rc1");
    assertThat(rc1.cpe()).isEqualTo("cpe:/a:csaf-tools:cvrf-csaf-converter:1.0.0-rc1");
    CsafVulnerability v = a.vulnerabilities().get(0);
    assertThat(v.cve()).isEqualTo("CVE-2022-27193");
    assertThat(v.products(ProductStatus.FIRST_FIXED)).containsExactly("CSAFPID-0006");
    assertThat(v.products(ProductStatus.FIXED)).containsExactly("CSAFPID-0006");
    assertThat(v.products(ProductStatus.KNOWN_AFFECTED))
        .containsExactly(
            "CSAFPID-0001", "CSAFPID-0002", "CSAFPID-0003", "CSAFPID-0004", "CSAFPID-0005");
    Score s = v.scores().get(0);
    assertThat(s.vector()).isEqualTo("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C");
    assertThat(s.baseScore()).isEqualTo(6.1);
    assertThat(s.version()).isEqualTo("3.1");
  }

  @Test
  void vexRecommendedList() throws Exception {
    CsafAdvisory a =
        (CsafAdvisory)
            Vectors.readStrict(Vectors.CSAF + "examples/csaf/csaf_vex/2022-evd-uc-08-001.json");
    assertThat(a.vulnerabilities())
        .extracting(CsafVulnerability::cve)
        .containsExactly("CVE-2021-44228", "CVE-2021-45105");
    CsafVulnerability log4shell = a.vulnerabilities().get(0);
    assertThat(log4shell.products(ProductStatus.RECOMMENDED)).containsExactly("CSAFPID-0011");
    assertThat(log4shell.products(ProductStatus.FIXED))
        .containsExactly("CSAFPID-0010", "CSAFPID-0011");
    assertThat(log4shell.products(ProductStatus.KNOWN_NOT_AFFECTED)).hasSize(5);
    assertThat(a.vulnerabilities().get(1).products(ProductStatus.KNOWN_AFFECTED))
        .containsExactly("CSAFPID-0002", "CSAFPID-0003", "CSAFPID-0004", "CSAFPID-0010");
  }
}
