package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CycloneDX vulnerabilities / VEX statements, read off the bom-examples and spec fixtures. */
class VexTest {
  private static final String CISA = "cyclonedx/bom-examples/VEX/CISA-Use-Cases/Case-1/vex-";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "affected, exploitable, '', will_not_fix;update, product-DEF",
    "fixed, resolved, '', '', product-DEF",
    "not_affected, not_affected, code_not_present, will_not_fix, product-ABC",
    "under_investigation, in_triage, '', '', product-GHI",
  })
  void cisaStatuses(
      String file, String state, String justification, String responses, String product)
      throws Exception {
    SbomDocument doc = Vectors.read(CISA + file + ".json");
    assertThat(doc.vulnerabilities()).hasSize(1);
    SbomVulnerability v = doc.vulnerabilities().get(0);
    assertThat(v.id()).isEqualTo("CVE-2021-44228");
    assertThat(v.source()).isEqualTo("NVD");
    assertThat(v.state()).isEqualTo(state);
    assertThat(v.justification()).isEqualTo(justification.isEmpty() ? null : justification);
    assertThat(v.responses())
        .isEqualTo(responses.isEmpty() ? List.of() : List.of(responses.split(";")));
    assertThat(v.affects()).containsExactly(product);
  }

  @Test
  void oneStatementForThreeProductBoms() throws Exception {
    SbomVulnerability v =
        Vectors.read("cyclonedx/bom-examples/VEX/Use-Cases/Case-6/vex.json")
            .vulnerabilities()
            .get(0);
    assertThat(v.id()).isEqualTo("CVE-2020-25649");
    assertThat(v.affects())
        .containsExactly(
            "urn:cdx:2c385cf7-e1ee-46e9-a51c-13de1ecb380a/1#acme-product-1",
            "urn:cdx:6ffac0b2-5246-4fb9-a6fe-7993041856a0/1#acme-product-2",
            "urn:cdx:240b5b0b-917d-4f48-816c-97e1944d8079/1#acme-product-3");
    assertThat(v.ratings()).extracting(SbomVulnerability.Rating::score).containsExactly(7.5, 0.0);
    assertThat(v.ratings().get(0).vector()).isEqualTo("AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N");
    assertThat(v.ratings().get(1).source()).isEqualTo("Acme Inc");
    assertThat(v.justification()).isEqualTo("code_not_reachable");
  }

  @Test
  void specFixtureSameInJsonAndXml() throws Exception {
    String base = "cyclonedx/spec-tests/1.6/valid-vulnerability-1.6";
    SbomVulnerability json = Vectors.read(base + ".json").vulnerabilities().get(0);
    SbomVulnerability xml = Vectors.read(base + ".xml").vulnerabilities().get(0);
    assertThat(json.id()).isEqualTo("SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111");
    assertThat(json.ref()).isEqualTo("6eee14da-8f42-4cc4-bb65-203235f02415");
    assertThat(json.aliases()).containsExactly("CVE-2018-7489");
    assertThat(json.cwes()).containsExactly(184, 502);
    assertThat(json.ratings().get(0).score()).isEqualTo(9.8);
    assertThat(json.ratings().get(0).method()).isEqualTo("CVSSv3");
    assertThat(json.state()).isEqualTo("not_affected");
    assertThat(json.responses()).containsExactly("will_not_fix", "update");
    assertThat(json.affects())
        .containsExactly("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4");
    assertThat(xml).isEqualTo(json);
  }

  @Test
  void unknownAnalysisStateIsRefused() throws Exception {
    String doc =
        Files.readString(Vectors.root().resolve(CISA + "affected.json"))
            .replace("\"exploitable\"", "\"maybe\"");
    assertThatThrownBy(
            () -> new SbomReader(SbomLimits.defaults()).read(doc.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SbomFormatException.class)
        .hasMessageContaining("vulnerabilities[0].analysis.state 'maybe' is not one of");
  }
}
