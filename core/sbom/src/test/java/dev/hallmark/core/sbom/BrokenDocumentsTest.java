package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deliberately broken documents are refused with a message that says what is wrong. */
class BrokenDocumentsTest {
  private static final String SPEC = "cyclonedx/spec-tests/1.6/";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "invalid-bomformat-1.6.json|bomFormat must be \"CycloneDX\", was \"AnotherFormat\"",
        "invalid-component-ref-1.6.json|components[1].bom-ref must not be empty",
        "invalid-component-type-1.6.json|components[0].type 'foo' is not a CycloneDX 1.6 type",
        "invalid-component-type-1.6.xml|components[0].type 'foo' is not a CycloneDX 1.6 type",
        "invalid-dependency-1.6.json|dependencies[0].ref is required",
        "invalid-empty-component-1.6.json|components[0].name is required",
        "invalid-hash-alg-1.6.json|components[0].hashes: unknown hash algorithm 'FOO'",
        "invalid-license-choice-1.6.json|exactly one of license or expression",
        "invalid-license-declared-concluded-mix-1.6.json|expression must be the only entry",
        "invalid-license-id-1.6.json|unknown SPDX license id 'Apache-2'",
        "invalid-metadata-timestamp-1.6.json|metadata.timestamp is not a date-time: 2020-04-13",
        "invalid-missing-component-type-1.6.json|components[0].type is required",
        "invalid-namespace-1.6.xml|namespace http://cyclonedx.org/schema/bom/12 is unsupported",
        "invalid-serialnumber-1.6.json|serialNumber is not a urn:uuid",
      })
  void specFixtures(String file, String message) {
    assertThatThrownBy(() -> Vectors.read(SPEC + file))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({"Dataset/bom.json", "Model/OpenSource/bom.json"})
  void trailingCommaIsNotJson(String file) {
    assertThatThrownBy(() -> Vectors.read("cyclonedx/mlbom-pr50/MLBOM/" + file))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageStartingWith("not valid JSON")
        .hasMessageContaining("line 9");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"spdxVersion\":\"SPDX-2.1\",\"SPDXID\":\"x\"}|SPDX version SPDX-2.1 is unsupported; try 2.2"
            + " or 2.3",
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.7\"}|CycloneDX version 1.7 is unsupported;"
            + " try 1.3, 1.4, 1.5, 1.6",
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.2\"}|try 1.3, 1.4, 1.5, 1.6",
        "{\"@context\":\"https://spdx.org/rdf/3.1/spdx-context.jsonld\",\"@graph\":[]}|SPDX version"
            + " 3.1 is unsupported",
        "{\"spdxVersion\": |not valid JSON",
        "{\"id\":\"GHSA-1\",\"modified\":\"2024-01-01T00:00:00Z\"}|JSON document is not an SBOM",
        "hello world|not an SBOM",
        "<html><body/></html>|not a CycloneDX <bom>",
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>|SPDX RDF/XML is not"
            + " supported",
        "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>|not valid XML",
        "'   '|empty document",
        "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"d\",\"creationInfo\":{\"created\":\"x\"},"
            + "\"packages\":[{\"SPDXID\":\"p\"}]}|packages[0].name is required",
        "SPDXVersion: SPDX-2.3\\nSPDXID: d\\nPackageName: p\\nPackageVersion: 1|has no SPDXID",
        "SPDXVersion: SPDX-2.3\\nSPDXID: d\\nExternalDocumentRef: DocumentRef-x https://x|line 3:"
            + " ExternalDocumentRef needs",
        "SPDXVersion: SPDX-2.3\\nSPDXID: d\\nRelationship: d USES p|line 3: Relationship type"
            + " 'USES' is not an SPDX 2.3 value",
        "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"d\",\"dataLicense\":\"MIT\"}|dataLicense must"
            + " be CC0-1.0, was MIT",
        "{\"SPDXID\":\"d\",\"relationships\":[{\"spdxElementId\":\"d\",\"relationshipType\":"
            + "\"LIKES\",\"relatedSpdxElement\":\"p\"}]}|relationships[0].relationshipType 'LIKES'",
        "{\"SPDXID\":\"d\",\"packages\":[{\"SPDXID\":\"p\",\"name\":\"p\",\"checksums\":"
            + "[{\"algorithm\":\"CRC32\",\"checksumValue\":\"00\"}]}]}|packages[0].checksums.algorithm"
            + " 'CRC32' is not an SPDX 2.3 value",
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":"
            + "\"library\",\"name\":\"a\",\"scope\":\"sometimes\"}]}|components[0].scope"
            + " 'sometimes' is not one of",
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":"
            + "\"library\",\"name\":\"a\",\"externalReferences\":[{\"type\":\"homepage\",\"url\":"
            + "\"x\"}]}]}|unknown reference type 'homepage'",
      })
  void madeUp(String document, String message) {
    assertThatThrownBy(
            () ->
                new SbomReader(SbomLimits.defaults())
                    .read(
                        new ByteArrayInputStream(
                            document.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageContaining(message);
  }
}
