package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts and values read off the vector documents themselves (see SOURCE.md beside them). */
class SpotValuesTest {
  private static final String LARAVEL = "cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.4";
  private static final String TD = "trustify/etc/test-data/";

  @ParameterizedTest(name = "{0}: {1} packages")
  @CsvSource({
    "trustify/etc/test-data/quarkus-bom-2.13.8.Final-redhat-00004.json, 880, 880",
    "trustify/etc/test-data/ubi9-9.2-755.1697625012.json, 610, 610",
    "trustify/etc/datasets/ds1/spdx/ubi8-8.8-1067.json.bz2, 645, 645",
    "trustify/etc/datasets/ds1/spdx/ubi8-minimal-8.8-1072.1697626218.json.bz2, 379, 379",
    "trustify/etc/datasets/ds1/spdx/ubi8_ubi-micro-8.8-7.1696517612.json.bz2, 69, 69",
    "trustify/etc/test-data/spdx/openssl-3.0.7-18.el9_2.spdx.json, 38, 38",
    // CycloneDX: the components plus the metadata component; relationships = dependsOn entries
    "trustify/etc/test-data/zookeeper-3.9.2-cyclonedx.json, 41, 68",
    "trustify/etc/test-data/cyclonedx/rh/latest_filters/middleware/maven/quarkus/3.20/"
        + "quarkus-camel-bom-3.20.json, 1762, 6239",
    "trustify/etc/test-data/cyclonedx/rh/latest_filters/middleware/maven/quarkus/3.20/"
        + "quarkus-cxf-bom-3.20.json, 487, 1458",
    // openssl: no dependsOn, 40 "provides" edges
    "trustify/etc/test-data/cyclonedx/openssl-3.0.7-18.el9_2.cdx_1.6.sbom.json, 38, 40",
    "cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.4.json, 63, 113",
    "cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.4.xml, 63, 113",
    "cyclonedx/bom-examples/HBOM/PCIe-SATA-adapter-board/bom.json, 7, 0",
    "cyclonedx/spec-tests/1.6/valid-bom-1.6.json, 4, 1",
    "cyclonedx/spec-tests/1.6/valid-bom-1.6.xml, 4, 1",
    "spdx/presentations/OSS-NA-2023/SPDXVersion2.3/01-MinimalSBOM.json, 1, 1",
    "spdx/software/example7/spdx2.2/example7-bin.spdx.json, 1, 5",
  })
  void counts(String path, int packages, int relationships) throws Exception {
    SbomDocument doc = Vectors.read(path);
    assertThat(doc.packages()).hasSize(packages);
    assertThat(doc.relationships()).hasSize(relationships);
  }

  @Test
  void laravelJsonAndXmlAgree() throws Exception {
    SbomDocument json = Vectors.read(LARAVEL + ".json");
    SbomDocument xml = Vectors.read(LARAVEL + ".xml");
    assertThat(json.metadata().format()).isEqualTo(SbomFormat.CYCLONEDX_JSON);
    assertThat(xml.metadata().format()).isEqualTo(SbomFormat.CYCLONEDX_XML);
    assertThat(json.metadata().specVersion()).isEqualTo("1.4");
    assertThat(xml.metadata().specVersion()).isEqualTo("1.4");
    assertThat(json.metadata().name()).isEqualTo("cyclonedx-php-composer-demo");
    assertThat(json.metadata().describes())
        .containsExactly("cyclonedx/cyclonedx-php-composer-demo-dev-master");
    SbomPackage cors = json.packageByRef("asm89/stack-cors-1.3.0.0").orElseThrow();
    assertThat(cors.group()).isEqualTo("asm89");
    assertThat(cors.version()).isEqualTo("1.3.0");
    assertThat(cors.purls()).containsExactly("pkg:composer/asm89/stack-cors@1.3.0");
    assertThat(cors.licenses()).extracting(License::ids).containsExactly(java.util.List.of("MIT"));
    assertThat(cors.externalReferences())
        .contains(new ExternalReference("vcs", "https://github.com/asm89/stack-cors.git"));
    assertThat(json.relationships())
        .contains(
            new Relationship(
                "asm89/stack-cors-1.3.0.0", "dependsOn", "symfony/http-foundation-5.4.16.0"));
    assertThat(xml.packages()).containsExactlyElementsOf(json.packages());
    assertThat(xml.relationships()).containsExactlyElementsOf(json.relationships());
  }

  @Test
  void redHatSpdx() throws Exception {
    SbomDocument doc = Vectors.read(TD + "spdx/openssl-3.0.7-18.el9_2.spdx.json");
    assertThat(doc.metadata().specVersion()).isEqualTo("SPDX-2.3");
    assertThat(doc.metadata().name()).isEqualTo("openssl-3.0.7-18.el9_2");
    assertThat(doc.metadata().describes()).containsExactly("SPDXRef-SRPM");
    SbomPackage srpm = doc.packageByRef("SPDXRef-SRPM").orElseThrow();
    assertThat(srpm.version()).isEqualTo("3.0.7-18.el9_2");
    assertThat(srpm.supplier()).isEqualTo("Red Hat");
    assertThat(srpm.purls()).containsExactly("pkg:rpm/redhat/openssl@3.0.7-18.el9_2?arch=src");
    assertThat(srpm.hashes())
        .containsExactly(
            new Hash(
                "SHA-256", "31b5079268339cff7ba65a0aee77930560c5adef4b1b3f8f5927a43ee46a56d9"));
    assertThat(srpm.licenses()).extracting(License::expression).containsExactly("Apache-2.0");
    assertThat(srpm.licenses().get(0).kind()).isEqualTo(License.Kind.CONCLUDED);
  }

  @Test
  void sortedKeysSpdxCompressed() throws Exception {
    SbomDocument doc = Vectors.read("trustify/etc/datasets/ds1/spdx/ubi8-8.8-1067.json.bz2");
    assertThat(doc.metadata().compression()).isEqualTo(Compression.BZIP2);
    assertThat(doc.metadata().specVersion()).isEqualTo("SPDX-2.2");
    assertThat(doc.metadata().name()).isEqualTo("ubi8-container");
    assertThat(doc.metadata().describes())
        .containsExactly("SPDXRef-1e7fb966-cc2a-41e2-8e9d-ab6fb97d67d6");
  }

  @Test
  void quarkusPackage() throws Exception {
    SbomDocument doc = Vectors.read(TD + "quarkus-bom-2.13.8.Final-redhat-00004.json");
    SbomPackage p = doc.packageByRef("SPDXRef-6e834c3a-5981-48a9-b9d2-6499e8d9329c").orElseThrow();
    assertThat(p.name()).isEqualTo("infinispan-query-dsl");
    assertThat(p.purls())
        .containsExactly(
            "pkg:maven/org.infinispan/infinispan-query-dsl@14.0.9.Final-redhat-00001"
                + "?repository_url=https://maven.repository.redhat.com/ga/&type=jar");
    assertThat(p.licenses())
        .filteredOn(l -> l.kind() == License.Kind.DECLARED)
        .extracting(License::expression)
        .containsExactly("APACHE-2.0");
  }

  @ParameterizedTest
  @CsvSource({
    "simple.json, NONE",
    "simple.json.bz2, BZIP2",
    "simple.json.gz, GZIP",
    "simple.json.xz, XZ"
  })
  void decompression(String file, Compression compression) throws Exception {
    SbomDocument doc = Vectors.read(TD + "cyclonedx/decompress/" + file);
    SbomDocument plain = Vectors.read(TD + "cyclonedx/decompress/simple.json");
    assertThat(doc.metadata().compression()).isEqualTo(compression);
    // simple.json: 8 components + the metadata component, 5 dependsOn entries
    assertThat(doc.packages()).hasSize(9).isEqualTo(plain.packages());
    assertThat(doc.relationships()).hasSize(5);
  }

  @Test
  void saasBomServices() throws Exception {
    SbomDocument doc =
        Vectors.read("cyclonedx/bom-examples/SaaSBOM/apigateway-microservices-datastores/bom.json");
    assertThat(doc.services()).hasSize(6);
    SbomService gateway = doc.services().get(0);
    assertThat(gateway.name()).isEqualTo("API Gateway");
    assertThat(gateway.endpoints())
        .containsExactly("https://example.com/", "https://example.com/app");
    assertThat(doc.services().subList(1, 6))
        .extracting(SbomService::name)
        .containsExactly("Microservice 1", "Microservice 2", "Microservice 3", "Postgres", "S3");
    assertThat(doc.services().subList(1, 6))
        .extracting(SbomService::parentRef)
        .containsOnly("api-gateway");
  }

  @Test
  void machineLearningModelCard() throws Exception {
    SbomDocument doc = Vectors.read("cyclonedx/spec-tests/1.6/valid-machine-learning-1.6.json");
    assertThat(doc.containsModels()).isTrue();
    SbomPackage model = doc.packages().get(0);
    assertThat(model.name()).isEqualTo("stable-diffusion");
    assertThat(model.kind()).isEqualTo("machine-learning-model");
    assertThat(model.modelCard().task()).isEqualTo("task goes here");
    assertThat(model.modelCard().architecture()).isEqualTo("the architecture family goes here");
    assertThat(model.modelCard().datasets()).containsExactly("Training Data");
    assertThat(model.modelCard().properties())
        .containsEntry(
            "metric:The type of performance metric", "The value of the performance metric");
    SbomDocument xml = Vectors.read("cyclonedx/spec-tests/1.6/valid-machine-learning-1.6.xml");
    assertThat(xml.packages().get(0).modelCard().task()).isEqualTo("task goes here");
  }

  @Test
  void cryptoAssets() throws Exception {
    SbomDocument doc = Vectors.read("cyclonedx/bom-examples/CBOM/Protocol/bom.json");
    assertThat(doc.containsCryptoAssets()).isTrue();
    assertThat(doc.containsModels()).isFalse();
    SbomPackage tls = doc.packageByRef("crypto/protocol/tls@1.2").orElseThrow();
    assertThat(tls.cryptoAsset().assetType()).isEqualTo("protocol");
    assertThat(tls.cryptoAsset().primitive()).isEqualTo("tls");
    SbomPackage aes =
        doc.packageByRef("crypto/algorithm/aes-256-gcm@2.16.840.1.101.3.4.1.46").orElseThrow();
    assertThat(aes.cryptoAsset().primitive()).isEqualTo("ae");
    assertThat(aes.cryptoAsset().oid()).isEqualTo("2.16.840.1.101.3.4.1.46");
  }

  /** SOURCE.md: valid-bom-1.6.json / .xml are the same full example in both encodings. */
  @ParameterizedTest
  @CsvSource({
    "cyclonedx/spec-tests/1.6/valid-bom-1.6",
    "cyclonedx/spec-tests/1.6/valid-minimal-viable-1.6"
  })
  void sameExampleInJsonAndXml(String base) throws Exception {
    SbomDocument json = Vectors.read(base + ".json");
    SbomDocument xml = Vectors.read(base + ".xml");
    assertThat(xml.packages()).isEqualTo(json.packages());
    assertThat(xml.relationships()).isEqualTo(json.relationships());
    assertThat(xml.services()).isEqualTo(json.services());
    assertThat(xml.metadata().documentId()).isEqualTo(json.metadata().documentId());
    assertThat(xml.metadata().created()).isEqualTo(json.metadata().created());
  }

  @Test
  void nestedComponentsKeepTheirParent() throws Exception {
    SbomDocument doc = Vectors.read("cyclonedx/spec-tests/1.6/valid-compositions-1.6.json");
    assertThat(doc.packages())
        .extracting(SbomPackage::ref)
        .containsSubsequence(
            "pkg:maven/partner/shaded-library@1.0",
            "pkg:maven/ossproject/library@2.0",
            "pkg:maven/acme/library@3.0");
    assertThat(doc.packageByRef("pkg:maven/ossproject/library@2.0").orElseThrow().parentRef())
        .isEqualTo("pkg:maven/partner/shaded-library@1.0");
    assertThat(doc.packageByRef("pkg:maven/acme/library@3.0").orElseThrow().parentRef()).isNull();
    assertThat(doc.relationships())
        .containsExactly(
            new Relationship(
                "acme-application-1.0", "dependsOn", "pkg:maven/partner/shaded-library@1.0"),
            new Relationship("acme-application-1.0", "dependsOn", "pkg:maven/acme/library@3.0"));
  }

  @Test
  void externalDocumentReferences() throws Exception {
    SbomDocument doc = Vectors.read("spdx/software/example7/spdx2.2/example7-bin.spdx.json");
    assertThat(doc.metadata().externalDocuments())
        .extracting(ExternalDocument::id)
        .containsExactly(
            "DocumentRef-hello-go-module", "DocumentRef-golang-dist", "DocumentRef-hello-imports");
    ExternalDocument golang = doc.metadata().externalDocuments().get(1);
    assertThat(golang.namespace())
        .isEqualTo(
            "https://swinslow.net/spdx-examples/example7/golang-dist-492dfde4-318b-49f7-b48c-934bfafbde48");
    assertThat(golang.checksum())
        .isEqualTo(new Hash("SHA-1", "fd1a82d7affd688cca8896211ca1a3f177214323"));
    assertThat(doc.relationships())
        .contains(
            new Relationship(
                "SPDXRef-go-bin-hello",
                "STATIC_LINK",
                "DocumentRef-hello-imports:SPDXRef-go-module-quote"));
  }
}
