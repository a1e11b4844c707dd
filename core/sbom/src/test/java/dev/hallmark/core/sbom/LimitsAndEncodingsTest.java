package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Limits (size, ratio, depth), zstd, tag-value, SPDX 3 and dependency cycles. */
class LimitsAndEncodingsTest {
  private static final String SIMPLE = "trustify/etc/test-data/cyclonedx/decompress/simple.json";

  @Test
  void zstd() throws Exception {
    byte[] plain = Files.readAllBytes(Vectors.root().resolve(SIMPLE));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = new ZstdOutputStream(out)) {
      z.write(plain);
    }
    SbomDocument doc = new SbomReader(SbomLimits.defaults()).read(out.toByteArray());
    assertThat(doc.metadata().compression()).isEqualTo(Compression.ZSTD);
    assertThat(doc.packages()).isEqualTo(Vectors.read(SIMPLE).packages());
  }

  @Test
  void decompressionBomb() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(
          "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"x\":\""
              .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        gz.write(spaces);
      }
    }
    assertThatThrownBy(() -> new SbomReader(SbomLimits.defaults()).read(out.toByteArray()))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageStartingWith("decompression bomb: ")
        .hasMessageContaining("ratio above the limit of 100");
  }

  @Test
  void oversized() throws Exception {
    byte[] plain = Files.readAllBytes(Vectors.root().resolve(SIMPLE));
    SbomLimits small = new SbomLimits(1000, 100, 0, 100);
    assertThatThrownBy(() -> new SbomReader(small).read(plain))
        .isInstanceOf(SbomFormatException.class)
        .hasMessage("document is larger than the limit of 1000 bytes");
    byte[] gz = Files.readAllBytes(Vectors.root().resolve(SIMPLE + ".gz"));
    assertThatThrownBy(() -> new SbomReader(small).read(gz))
        .isInstanceOf(SbomFormatException.class)
        .hasMessage("decompressed document is larger than the limit of 1000 bytes");
  }

  @Test
  void tooDeep() {
    String json =
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"library\","
            + "\"name\":\"a\",\"x\":"
            + "[".repeat(200)
            + "]".repeat(200)
            + "}]}";
    assertThatThrownBy(
            () -> new SbomReader(SbomLimits.defaults()).read(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageContaining("too deep");
    String xml =
        "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>"
            + "<a>".repeat(200)
            + "</a>".repeat(200)
            + "</components></bom>";
    assertThatThrownBy(
            () -> new SbomReader(SbomLimits.defaults()).read(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageContaining("deeper than the limit of 100");
    String skipped =
        "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><vulnerabilities>"
            + "<a>".repeat(200)
            + "</a>".repeat(200)
            + "</vulnerabilities></bom>";
    assertThatThrownBy(
            () ->
                new SbomReader(SbomLimits.defaults())
                    .read(skipped.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageContaining("deeper than the limit of 100");
  }

  @Test
  void xmlEntitiesAreRefused() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component"
            + " type=\"library\"><name>&x;</name></component></components></bom>";
    assertThatThrownBy(
            () -> new SbomReader(SbomLimits.defaults()).read(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageStartingWith("not valid XML");
  }

  @Test
  void tagValueMatchesJson() throws Exception {
    byte[] tv =
        LimitsAndEncodingsTest.class
            .getResourceAsStream("/tag-value/03-SBOMwDependency.spdx")
            .readAllBytes();
    SbomDocument tagValue = new SbomReader(SbomLimits.defaults()).read(tv);
    SbomDocument json =
        Vectors.read("spdx/presentations/OSS-NA-2023/SPDXVersion2.3/03-SBOMwDependency.json");
    assertThat(tagValue.metadata().format()).isEqualTo(SbomFormat.SPDX_2_TAG_VALUE);
    assertThat(tagValue.metadata().specVersion()).isEqualTo("SPDX-2.3");
    assertThat(tagValue.metadata().name()).isEqualTo("SPDX Tools v1.1.5 Java SBOM");
    assertThat(tagValue.metadata().describes()).containsExactly("SPDXRef-Package");
    assertThat(tagValue.packages()).isEqualTo(json.packages());
    assertThat(tagValue.relationships()).isEqualTo(json.relationships());
    SbomPackage xlsx = tagValue.packageByRef("SPDXRef-xlsx").orElseThrow();
    assertThat(xlsx.supplier()).isEqualTo("Webjar");
    assertThat(xlsx.purls()).containsExactly("pkg:maven/org.webjars.npm/xlsx@0.16.6");
    assertThat(xlsx.hashes())
        .containsExactly(new Hash("SHA-1", "8f2715fa4ea3619b08615aa8f57828a80e6eb703"));
  }

  @Test
  void spdx3AiProfile() throws Exception {
    SbomDocument doc = Vectors.read("spdx/ai/example01/spdx3.0/simplehtr-example.json");
    assertThat(doc.metadata().format()).isEqualTo(SbomFormat.SPDX_3_JSON_LD);
    assertThat(doc.metadata().specVersion()).isEqualTo("3.0.1");
    assertThat(doc.metadata().documentId()).isEqualTo("https://my-first-aibom.com/document1");
    assertThat(doc.metadata().describes()).containsExactly("https://my-first-aibom.com/BOM1");
    assertThat(doc.metadata().created()).isEqualTo("2024-05-09T13:50:30Z");
    // 10 software_Package + 2 ai_AIPackage + 1 dataset_DatasetPackage; 33 software_File
    assertThat(doc.packages()).hasSize(13);
    assertThat(doc.files()).hasSize(33);
    assertThat(doc.containsModels()).isTrue();
    assertThat(doc.packages()).filteredOn(p -> p.modelCard() != null).hasSize(2);
    assertThat(doc.packages()).filteredOn(p -> "data".equals(p.kind())).hasSize(1);
    SbomPackage editdistance =
        doc.packageByRef("https://pypi.org/project/editdistance/0.5.2/").orElseThrow();
    assertThat(editdistance.version()).isEqualTo("0.5.2");
    assertThat(editdistance.kind()).isEqualTo("library");
    assertThat(editdistance.licenses())
        .containsExactly(
            new License(License.Kind.DECLARED, "MIT", List.of("MIT"), null),
            new License(License.Kind.CONCLUDED, "MIT", List.of("MIT"), null));
    assertThat(doc.relationships())
        .contains(
            new Relationship(
                "https://my-first-aibom.com/SimpleHTR",
                "dependsOn",
                "https://pypi.org/project/tensorflow/2.4.0/"));
  }

  @Test
  void circularDependenciesAreAcceptedWithAWarning() throws Exception {
    String json =
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":["
            + "{\"type\":\"library\",\"name\":\"a\",\"bom-ref\":\"a\"},"
            + "{\"type\":\"library\",\"name\":\"b\",\"bom-ref\":\"b\"},"
            + "{\"type\":\"library\",\"name\":\"c\",\"bom-ref\":\"c\"}],"
            + "\"dependencies\":[{\"ref\":\"a\",\"dependsOn\":[\"b\"]},"
            + "{\"ref\":\"b\",\"dependsOn\":[\"c\"]},{\"ref\":\"c\",\"dependsOn\":[\"a\"]}]}";
    SbomDocument doc =
        new SbomReader(SbomLimits.defaults()).read(json.getBytes(StandardCharsets.UTF_8));
    assertThat(doc.packages()).hasSize(3);
    assertThat(doc.warnings()).hasSize(1);
    assertThat(doc.warnings().get(0))
        .startsWith("circular dependency graph: ")
        .contains("a", "b", "c");
    SbomDocument acyclic = Vectors.read("cyclonedx/spec-tests/1.6/valid-dependency-1.6.json");
    assertThat(acyclic.warnings()).isEmpty();
  }

  @Test
  void streamedCycleIsAWarningToo() throws Exception {
    // p1 DEPENDS_ON p2, p3 DEPENDENCY_OF p2 (= p2 depends on p3), p3 DEPENDS_ON p1
    String spdx =
        "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\","
            + "\"creationInfo\":{\"created\":\"2026-01-01T00:00:00Z\"},\"packages\":["
            + "{\"SPDXID\":\"p1\",\"name\":\"a\"},{\"SPDXID\":\"p2\",\"name\":\"b\"},"
            + "{\"SPDXID\":\"p3\",\"name\":\"c\"}],\"relationships\":["
            + rel("p1", "DEPENDS_ON", "p2")
            + ","
            + rel("p3", "DEPENDENCY_OF", "p2")
            + ","
            + rel("p3", "DEPENDS_ON", "p1")
            + ","
            + rel("SPDXRef-DOCUMENT", "DESCRIBES", "p1")
            + "]}";
    List<String> warnings = new java.util.ArrayList<>();
    new SbomReader(SbomLimits.defaults())
        .stream(
            new java.io.ByteArrayInputStream(spdx.getBytes(StandardCharsets.UTF_8)),
            null,
            new SbomSink() {
              @Override
              public void onPackage(SbomPackage pkg) {}

              @Override
              public void onWarning(String warning) {
                warnings.add(warning);
              }
            });
    assertThat(warnings).containsExactly("circular dependency graph: p1 -> p2 -> p3 -> p1");
  }

  private static String rel(String from, String type, String to) {
    return "{\"spdxElementId\":\""
        + from
        + "\",\"relationshipType\":\""
        + type
        + "\",\"relatedSpdxElement\":\""
        + to
        + "\"}";
  }

  @Test
  void namedFormat() throws Exception {
    SbomReader reader = new SbomReader(SbomLimits.defaults());
    try (java.io.InputStream in = Vectors.open(SIMPLE + ".xz")) {
      SbomDocument doc = reader.read(in, SbomFormat.CYCLONEDX_JSON);
      assertThat(doc.metadata().compression()).isEqualTo(Compression.XZ);
      assertThat(doc.packages()).hasSize(9);
    }
    try (java.io.InputStream in = Vectors.open(SIMPLE)) {
      assertThatThrownBy(() -> reader.read(in, SbomFormat.SPDX_2_JSON))
          .isInstanceOf(SbomFormatException.class)
          .hasMessage("spdxVersion is required");
    }
    try (java.io.InputStream in = Vectors.open(SIMPLE)) {
      assertThatThrownBy(() -> reader.read(in, SbomFormat.CYCLONEDX_XML))
          .isInstanceOf(SbomFormatException.class)
          .hasMessageStartingWith("not valid XML");
    }
  }

  @Test
  void aFailingSinkIsNotMistakenForBadInput() throws Exception {
    IllegalStateException failure = new IllegalStateException("database down");
    try (java.io.InputStream in = Vectors.open(SIMPLE)) {
      assertThatThrownBy(
              () ->
                  new SbomReader(SbomLimits.defaults())
                      .stream(
                          in,
                          null,
                          pkg -> {
                            throw failure;
                          }))
          .isSameAs(failure);
    }
  }

  @Test
  void cycloneDxNameMayBeEmptyButNotMissing() throws Exception {
    String doc =
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
            + "{\"type\":\"library\",\"name\":\"\",\"version\":\"1\"}]}";
    SbomDocument parsed =
        new SbomReader(SbomLimits.defaults()).read(doc.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.packages()).extracting(SbomPackage::name).containsExactly("");
  }

  @Test
  void mixedLicenseChoiceAllowedBefore15Only() throws Exception {
    String template =
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"%s\",\"components\":[{\"type\":"
            + "\"library\",\"name\":\"a\",\"licenses\":[{\"license\":{\"id\":\"MIT\"}},"
            + "{\"expression\":\"Apache-2.0 OR MIT\"}]}]}";
    SbomReader reader = new SbomReader(SbomLimits.defaults());
    SbomDocument v14 = reader.read(String.format(template, "1.4").getBytes(StandardCharsets.UTF_8));
    assertThat(v14.packages().get(0).licenses())
        .extracting(License::expression)
        .containsExactly("MIT", "Apache-2.0 OR MIT");
    assertThatThrownBy(
            () -> reader.read(String.format(template, "1.5").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageContaining("a license expression must be the only entry");
  }
}
