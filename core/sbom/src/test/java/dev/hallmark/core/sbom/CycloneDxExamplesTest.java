package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every valid CycloneDX JSON document: its component count (nested ones and the metadata component
 * included), service count (nested included) and dependency edges ({@code dependsOn} and {@code
 * provides}) as the document lists them.
 */
class CycloneDxExamplesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cyclonedx/bom-examples/CBOM/Algorithm/bom.json, 3, 0, 0",
    "cyclonedx/bom-examples/CBOM/Certificate/bom.json, 5, 0, 0",
    "cyclonedx/bom-examples/CBOM/Example-With-Dependencies/bom.json, 4, 0, 3",
    "cyclonedx/bom-examples/CBOM/Key/bom.json, 4, 0, 0",
    "cyclonedx/bom-examples/CBOM/Protocol/bom.json, 9, 0, 0",
    "cyclonedx/bom-examples/HBOM/PCIe-SATA-adapter-board/bom.json, 7, 0, 0",
    "cyclonedx/bom-examples/OBOM/Example-1-Decoupled/obom.json, 2, 0, 0",
    "cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.4.json, 63, 0, 113",
    "cyclonedx/bom-examples/SaaSBOM/apigateway-microservices-datastores/bom.json, 1, 6, 6",
    "cyclonedx/bom-examples/VEX/CISA-Use-Cases/Case-1/vex-affected.json, 1, 0, 0",
    "cyclonedx/bom-examples/VEX/CISA-Use-Cases/Case-1/vex-fixed.json, 1, 0, 0",
    "cyclonedx/bom-examples/VEX/CISA-Use-Cases/Case-1/vex-not_affected.json, 1, 0, 0",
    "cyclonedx/bom-examples/VEX/CISA-Use-Cases/Case-1/vex-under_investigation.json, 1, 0, 0",
    "cyclonedx/bom-examples/VEX/Use-Cases/Case-6/bom-1.json, 1, 0, 0",
    "cyclonedx/bom-examples/VEX/Use-Cases/Case-6/bom-2.json, 1, 0, 0",
    "cyclonedx/bom-examples/VEX/Use-Cases/Case-6/bom-3.json, 1, 0, 0",
    "cyclonedx/bom-examples/VEX/Use-Cases/Case-6/vex.json, 0, 0, 0",
    "cyclonedx/bom-examples/VEX/bom.json, 4, 0, 0",
    "cyclonedx/bom-examples/VEX/vex.json, 0, 0, 0",
    "cyclonedx/mlbom-pr50/MLBOM/Model/FoundationModels/bom.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.5/valid-bom-1.5.json, 3, 0, 1",
    "cyclonedx/spec-tests/1.5/valid-machine-learning-1.5.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-attestation-1.6.json, 0, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-bom-1.6.json, 4, 0, 1",
    "cyclonedx/spec-tests/1.6/valid-component-hashes-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-component-identifiers-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-component-types-1.6.json, 9, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-compositions-1.6.json, 4, 0, 2",
    "cyclonedx/spec-tests/1.6/valid-cryptography-full-1.6.json, 4, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-dependency-1.6.json, 3, 0, 1",
    "cyclonedx/spec-tests/1.6/valid-empty-components-1.6.json, 0, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-evidence-1.6.json, 2, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-external-reference-1.6.json, 2, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-formulation-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-license-expression-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-license-id-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-license-licensing-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-license-name-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-machine-learning-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-machine-learning-considerations-env-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-metadata-lifecycle-1.6.json, 0, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-metadata-tool-1.6.json, 0, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-metadata-tool-deprecated-1.6.json, 0, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-minimal-viable-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-patch-1.6.json, 1, 0, 0",
    "cyclonedx/spec-tests/1.6/valid-properties-1.6.json, 1, 1, 0",
    "cyclonedx/spec-tests/1.6/valid-saasbom-1.6.json, 1, 6, 6",
    "cyclonedx/spec-tests/1.6/valid-service-1.6.json, 1, 1, 1",
    "cyclonedx/spec-tests/1.6/valid-signatures-1.6.json, 1, 1, 0",
    "cyclonedx/spec-tests/1.6/valid-vulnerability-1.6.json, 1, 0, 0",
    "trustify/etc/test-data/cyclonedx/decompress/simple.json, 9, 0, 5",
    "trustify/etc/test-data/cyclonedx/openssl-3.0.7-18.el9_2.cdx_1.6.sbom.json, 38, 0, 40",
    "trustify/etc/test-data/cyclonedx/rh/image_index_variants/imageindex_quarkus_mandrel.json, 2, 0, 0",
    "trustify/etc/test-data/cyclonedx/rh/image_index_variants/imagevariant_quarkus_mandrel_amd64.json, 332, 0, 330",
    "trustify/etc/test-data/cyclonedx/rh/latest_filters/middleware/maven/quarkus/3.20/product-3.20.json, 3, 0, 2",
    "trustify/etc/test-data/cyclonedx/rh/latest_filters/middleware/maven/quarkus/3.20/quarkus-camel-bom-3.20.json, 1762, 0, 6239",
    "trustify/etc/test-data/cyclonedx/rh/latest_filters/middleware/maven/quarkus/3.20/quarkus-cxf-bom-3.20.json, 487, 0, 1458",
    "trustify/etc/test-data/cyclonedx/rh/product_component/rhel-9.2-eus.cdx.json, 3, 0, 1",
    "trustify/etc/test-data/zookeeper-3.9.2-cyclonedx.json, 41, 0, 68"
  })
  void counts(String path, int packages, int services, int edges) throws Exception {
    SbomDocument doc = Vectors.read(path);
    assertThat(doc.packages()).hasSize(packages);
    assertThat(doc.services()).hasSize(services);
    assertThat(doc.relationships()).hasSize(edges);
  }
}
