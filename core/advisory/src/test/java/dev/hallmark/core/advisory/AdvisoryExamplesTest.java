package dev.hallmark.core.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every advisory document's counts as the document lists them. */
class AdvisoryExamplesTest {
  /** Products: branch leaves + top-level full product names + relationship products. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "csaf-2.0/csaf_2.0/examples/csaf/bsi-2022-0001.json, 6, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/cisco-sa-20180328-smi2.json, 259, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-a-001.json, 1, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-f-001.json, 1, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-na-001.json, 1, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-ui-001.json, 1, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-02-na-001.json, 1, 0, 19",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-03-ms-001.json, 1, 0, 19",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-04-001.json, 3, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-05-001.json, 1, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-06-001.json, 7, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-07-001.json, 10, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-08-001.json, 11, 0, 2",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-09-001.json, 2, 0, 2",
    "csaf-2.0/csaf_2.0/examples/csaf/csaf_vex/sec-vex-2022-0001.json, 1, 0, 3",
    "csaf-2.0/csaf_2.0/examples/csaf/rhsa-2019_1862.json, 1, 0, 0",
    "csaf-2.0/csaf_2.0/examples/csaf/rhsa-2021_5186.json, 7, 3, 2",
    "csaf-2.0/csaf_2.0/examples/csaf/rhsa-2021_5217.json, 1, 0, 1",
    "csaf-2.0/csaf_2.0/examples/csaf/rhsa-2022_0011.json, 25, 15, 1",
    "osv/osv-schema/tools/redhat/testdata/CSAF/rhsa-2024_4546.json, 25, 15, 1",
    "trustify/etc/test-data/csaf/CVE-2023-20862.json, 50, 22, 1",
    "trustify/etc/test-data/csaf/CVE-2024-34500.json, 3, 1, 1",
    "trustify/etc/test-data/csaf/CVE-2024-34502.json, 3, 1, 1",
    "trustify/etc/test-data/csaf/CVE-2024-34506.json, 3, 1, 1",
    "trustify/etc/test-data/csaf/CVE-2024-34507.json, 3, 1, 1",
    "trustify/etc/test-data/csaf/RHBA-2024_1440.json, 30, 14, 2",
    "trustify/etc/test-data/csaf/cve-2023-0044.json, 24, 10, 1",
    "trustify/etc/test-data/csaf/cve-2023-33201.json, 761, 376, 1",
    "trustify/etc/test-data/csaf/issues/cvss_1/ssa-054046.json, 138, 0, 1",
    "trustify/etc/test-data/csaf/rhsa-2023_5835.json, 11, 6, 2",
    "trustify/etc/test-data/csaf/rhsa-2024_3666.json, 19, 9, 2"
  })
  void csaf(String path, int products, int relationships, int vulnerabilities) throws Exception {
    CsafAdvisory a = (CsafAdvisory) Vectors.read(path);
    assertThat(a.products()).hasSize(products);
    assertThat(a.relationships()).hasSize(relationships);
    assertThat(a.vulnerabilities()).hasSize(vulnerabilities);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "osv/osv-schema/tools/ghsa/testdata/equals_no_patch.osv.json, GHSA-4g4c-8gqh-m4vm, 1, 0, 1",
    "osv/osv-schema/tools/ghsa/testdata/equals_with_patch.osv.json, GHSA-fhjf-83wg-r2j9, 1, 1, 1",
    "osv/osv-schema/tools/ghsa/testdata/full_ranges.osv.json, GHSA-mr95-9rr4-668f, 2, 2, 1",
    "osv/osv-schema/tools/ghsa/testdata/greater_than_equals_no_patch.osv.json, GHSA-pxmp-fwjc-4x7q, 1, 1, 0",
    "osv/osv-schema/tools/ghsa/testdata/less_than_equals_no_patch.osv.json, GHSA-jvf4-g24p-2qgw, 1, 1, 1",
    "osv/osv-schema/tools/ghsa/testdata/less_than_equals_with_patch.osv.json, GHSA-f89g-whpf-6q9m, 1, 1, 1",
    "osv/osv-schema/tools/ghsa/testdata/maven_greater_than.osv.json, GHSA-76mp-659p-rw65, 1, 1, 1",
    "osv/osv-schema/tools/ghsa/testdata/multiple_ranges_in_package.osv.json, GHSA-9qj7-jvg4-qr2x, 1, 1, 1",
    "osv/osv-schema/tools/ghsa/testdata/npm_greater_than.osv.json, GHSA-mhpp-875w-9cpv, 1, 1, 1",
    "osv/osv-schema/tools/ghsa/testdata/pypi_normalize.osv.json, GHSA-p44j-xrqg-4xrr, 1, 1, 1",
    "osv/osv-schema/tools/ghsa/testdata/withdrawn.osv.json, GHSA-35c4-f3rq-f9g3, 1, 1, 1",
    "osv/osv-schema/tools/osv-linter/testdata/CVE-2018-5407.json, CVE-2018-5407, 7, 7, 0",
    "osv/osv-schema/tools/osv-linter/testdata/CVE-2023-41045.json, CVE-2023-41045, 1, 1, 1",
    "osv/osv-schema/tools/osv-linter/testdata/GHSA-9v2f-6vcg-3hgv.json, GHSA-9v2f-6vcg-3hgv, 1, 0, 1",
    "osv/osv-schema/tools/osv-linter/testdata/GO-2020-0001.json, GO-2020-0001, 1, 1, 2",
    "osv/osv-schema/tools/osv-linter/testdata/GO-2024-2963.json, GO-2024-2963, 1, 1, 1",
    "osv/osv-schema/tools/osv-linter/testdata/MAL-2024-10238.json, MAL-2024-10238, 1, 0, 0",
    "osv/osv-schema/tools/osv-linter/testdata/PYSEC-2023-74.json, PYSEC-2023-74, 1, 2, 2",
    "osv/osv-schema/tools/osv-linter/testdata/RHSA-2022_0216.json, RHSA-2022:0216, 0, 0, 0",
    "osv/osv-schema/tools/osv-linter/testdata/SUSE-FU-2022_0444-1.json, SUSE-FU-2022:0444-1, 0, 0, 0",
    "osv/osv-schema/tools/osv-linter/testdata/nopackage-GHSA-9v2f-6vcg-3hgv.json, GHSA-9v2f-6vcg-3hgv, 1, 0, 1",
    "osv/osv-schema/tools/redhat/testdata/OSV/RHSA-2024_4546.json, RHSA-2024:4546, 9, 9, 0",
    "osv/osv-schema/tools/redhat/testdata/OSV/RHSA-2024_6220.json, RHSA-2024:6220, 228, 228, 0",
    "trustify/etc/test-data/osv/GHSA-2ccf-ffrj-m4qw.json, GHSA-2ccf-ffrj-m4qw, 2, 2, 1",
    "trustify/etc/test-data/osv/GHSA-3cqw-pxgr-jhrm.json, GHSA-3cqw-pxgr-jhrm, 4, 4, 1",
    "trustify/etc/test-data/osv/GHSA-458h-wv48-fq75.json, GHSA-458h-wv48-fq75, 3, 2, 1",
    "trustify/etc/test-data/osv/GHSA-45c4-8wx5-qw6w.json, GHSA-45c4-8wx5-qw6w, 1, 1, 1",
    "trustify/etc/test-data/osv/GHSA-4h4p-553m-46qh.json, GHSA-4h4p-553m-46qh, 1, 1, 1",
    "trustify/etc/test-data/osv/GHSA-69ch-w2m2-3vjp.json, GHSA-69ch-w2m2-3vjp, 1, 1, 1",
    "trustify/etc/test-data/osv/GHSA-738q-mc72-2q22.json, GHSA-738q-mc72-2q22, 1, 1, 1",
    "trustify/etc/test-data/osv/GHSA-c25x-cm9x-qqgx.json, GHSA-c25x-cm9x-qqgx, 3, 3, 1",
    "trustify/etc/test-data/osv/GHSA-cvw2-xj8r-mjf7.json, GHSA-cvw2-xj8r-mjf7, 1, 1, 1",
    "trustify/etc/test-data/osv/GHSA-fmj7-7gfw-64pg.json, GHSA-fmj7-7gfw-64pg, 1, 1, 1",
    "trustify/etc/test-data/osv/GHSA-ppp9-7jff-5vj2.json, GHSA-ppp9-7jff-5vj2, 1, 1, 1",
    "trustify/etc/test-data/osv/GHSA-qq9f-q439-2574.json, GHSA-qq9f-q439-2574, 1, 1, 1",
    "trustify/etc/test-data/osv/GHSA-rh58-r7jh-xhx3.json, GHSA-rh58-r7jh-xhx3, 33, 33, 1",
    "trustify/etc/test-data/osv/GHSA-wc9m-r3v6-9p5h.json, GHSA-wc9m-r3v6-9p5h, 1, 1, 1",
    "trustify/etc/test-data/osv/PYSEC-2024-55.yaml, PYSEC-2024-55, 1, 1, 0",
    "trustify/etc/test-data/osv/RSEC-2023-6.yaml, RSEC-2023-6, 1, 1, 1",
    "trustify/etc/test-data/osv/RUSTSEC-2021-0079.json, RUSTSEC-2021-0079, 1, 1, 2",
    "trustify/etc/test-data/osv/RUSTSEC-2022-0022.json, RUSTSEC-2022-0022, 1, 1, 1"
  })
  void osv(String path, String id, int affected, int ranges, int aliases) throws Exception {
    OsvAdvisory a = (OsvAdvisory) Vectors.read(path);
    assertThat(a.id()).isEqualTo(id);
    assertThat(a.affected()).hasSize(affected);
    assertThat(a.affected().stream().mapToInt(x -> x.ranges().size()).sum()).isEqualTo(ranges);
    assertThat(a.aliases()).hasSize(aliases);
  }

  /** Affected entries of the CNA and every ADP container. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "trustify/etc/test-data/cve/CVE-1999-0001.json, CVE-1999-0001, 1",
    "trustify/etc/test-data/cve/CVE-2021-32714.json, CVE-2021-32714, 1",
    "trustify/etc/test-data/cve/CVE-2023-20862.json, CVE-2023-20862, 1",
    "trustify/etc/test-data/cve/CVE-2023-44487.json, CVE-2023-44487, 2",
    "trustify/etc/test-data/cve/CVE-2024-26308.json, CVE-2024-26308, 1",
    "trustify/etc/test-data/cve/CVE-2024-29025.json, CVE-2024-29025, 1",
    "trustify/etc/test-data/mitre/CVE-2024-27088.json, CVE-2024-27088, 1"
  })
  void cve(String path, String id, int affected) throws Exception {
    CveRecord r = (CveRecord) Vectors.read(path);
    assertThat(r.id()).isEqualTo(id);
    assertThat(r.affected()).hasSize(affected);
  }
}
