package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every spdx-examples document: its package, file and relationship counts as the document lists
 * them (SPDX 3: software, AI and dataset packages; relationships with each {@code to} counted, the
 * license relationships excepted because they become package licenses).
 */
class SpdxExamplesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "spdx/ai/example01/spdx3.0/simplehtr-example.json, 13, 33, 53",
    "spdx/ai/example02/spdx3.0/sbom.spdx3.json, 2, 15, 27",
    "spdx/dataset/example01/spdx3.0/example01.spdx3.json, 1, 2, 3",
    "spdx/presentations/OSS-NA-2023/SPDXVersion2.3/01-MinimalSBOM.json, 1, 0, 1",
    "spdx/presentations/OSS-NA-2023/SPDXVersion2.3/02-SBOMwSource.json, 1, 1, 2",
    "spdx/presentations/OSS-NA-2023/SPDXVersion2.3/03-SBOMwDependency.json, 2, 0, 2",
    "spdx/presentations/OSS-NA-2023/SPDXVersion2.3/04-SBOMwSecurity.json, 2, 0, 2",
    "spdx/presentations/OSS-NA-2023/SPDXVersion2.3/05-SBOMwSourceLicense.json, 1, 1, 2",
    "spdx/presentations/SBOMS-SPDX-Now-and-Future/ACME-v2.3.spdx.json, 4, 0, 3",
    "spdx/software/example1/spdx3.0/example1.json, 1, 3, 7",
    "spdx/software/example10/spdx2.3/hello-source.spdx.json, 1, 5, 0",
    "spdx/software/example10/spdx3.0/hello-source.spdx3.json, 1, 5, 6",
    "spdx/software/example11/spdx2.3/sbom.spdx.json, 4, 1, 4",
    "spdx/software/example11/spdx3.0/sbom.spdx3.json, 4, 1, 6",
    "spdx/software/example12/spdx2.2/hello-dist.spdx.json, 1, 1, 1",
    "spdx/software/example12/spdx2.2/hello-src.spdx.json, 1, 12, 2",
    "spdx/software/example12/spdx3.0/hello-dist.spdx3.json, 1, 1, 2",
    "spdx/software/example12/spdx3.0/hello-src.spdx3.json, 1, 12, 14",
    "spdx/software/example13/spdx3.0/example13.spdx3.json, 4, 0, 4",
    "spdx/software/example14/spdx2.3/examplemaven-0.0.1-enriched.spdx.json, 6, 2, 11",
    "spdx/software/example14/spdx3.0/examplemaven-0.0.1-enriched.spdx3.json, 6, 3, 12",
    "spdx/software/example3/spdx3.0/example3-bin.json, 1, 2, 7",
    "spdx/software/example3/spdx3.0/example3-src.json, 1, 3, 5",
    "spdx/software/example4/spdx3.0/example4-bin.json, 3, 4, 13",
    "spdx/software/example4/spdx3.0/example4-src.json, 1, 3, 5",
    "spdx/software/example5/spdx3.0/example5-bin.json, 1, 1, 4",
    "spdx/software/example5/spdx3.0/example5-src.json, 1, 2, 4",
    "spdx/software/example6/spdx3.0/example6-bin.json, 1, 1, 9",
    "spdx/software/example6/spdx3.0/example6-lib.json, 5, 2, 7",
    "spdx/software/example6/spdx3.0/example6-src.json, 1, 2, 4",
    "spdx/software/example7/spdx2.2/example7-bin.spdx.json, 1, 0, 5",
    "spdx/software/example7/spdx2.2/example7-go-module.spdx.json, 1, 0, 0",
    "spdx/software/example7/spdx2.2/example7-golang.spdx.json, 2, 0, 0",
    "spdx/software/example7/spdx2.2/example7-third-party-modules.spdx.json, 3, 0, 0",
    "spdx/software/example7/spdx3.0/example7-bin.spdx3.json, 0, 1, 4",
    "spdx/software/example7/spdx3.0/example7-go-module.spdx3.json, 1, 0, 0",
    "spdx/software/example7/spdx3.0/example7-golang.spdx3.json, 1, 1, 1",
    "spdx/software/example7/spdx3.0/example7-third-party-modules.spdx3.json, 2, 0, 0",
    "spdx/software/example8/spdx2.3/examplemaven-0.0.1.spdx.json, 6, 2, 7",
    "spdx/software/example8/spdx3.0/examplemaven-0.0.1.spdx3.json, 6, 3, 11",
    "spdx/software/example9/spdx2.2/appbomination.spdx.json, 7, 10, 14",
    "spdx/software/example9/spdx3.0/appbomination.spdx3.json, 7, 15, 29"
  })
  void counts(String path, int packages, int files, int relationships) throws Exception {
    SbomDocument doc = Vectors.read(path);
    assertThat(doc.packages()).hasSize(packages);
    assertThat(doc.files()).hasSize(files);
    assertThat(doc.relationships()).hasSize(relationships);
  }
}
