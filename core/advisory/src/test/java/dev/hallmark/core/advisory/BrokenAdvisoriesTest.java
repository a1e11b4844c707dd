package dev.hallmark.core.advisory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Made-up bad input is refused with a message saying what is wrong. */
class BrokenAdvisoriesTest {
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"document\":{\"csaf_version\":\"2.1\"}}|CSAF version 2.1 is unsupported; try 2.0",
        "{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"4.0\"}|CVE record format 4.0 is unsupported;"
            + " try 5.0, 5.1 or 5.2",
        "{\"id\":\"X-1\"}|osv.modified is required",
        "{\"id\":\"X-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[{\"ranges\":[{\"type\":\"GIT\","
            + "\"events\":[{\"introduced\":\"0\"}]}]}]}|repo is required for a GIT range",
        "{\"id\":\"X-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[{\"ranges\":[{\"type\":\"SEMVER\","
            + "\"events\":[{\"introduced\":\"0\",\"fixed\":\"1\"}]}]}]}|exactly one of introduced",
        "{\"id\":\"X-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[{\"ranges\":[{\"type\":\"SEMVER\","
            + "\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1\"},{\"last_affected\":\"2\"}]}]}]}"
            + "|both fixed and last_affected",
        "{\"id\":\"X-1\",\"modified\":\"2024-01-01\"}|modified is not an RFC 3339 date-time:"
            + " 2024-01-01",
        "{\"id\":\"X-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"severity\":[{\"type\":\"CVSS_V5\","
            + "\"score\":\"x\"}]}|osv.severity: unknown type 'CVSS_V5'",
        "{\"id\":\"X-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"references\":[{\"type\":\"BLOG\","
            + "\"url\":\"x\"}]}|unknown reference type 'BLOG'",
        "{\"id\": |not valid JSON",
        "{\"hello\":1}|not an advisory",
        "key: [unclosed|neither JSON nor valid YAML",
        "[1,2]|must be a JSON/YAML object",
      })
  void refused(String document, String message) {
    assertThatThrownBy(
            () ->
                AdvisoryReader.withDefaultLimits().read(document.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AdvisoryFormatException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"100, document is larger than the limit of 100 bytes"})
  void oversized(int limit, String message) {
    byte[] big = ("{\"id\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new AdvisoryReader(limit, 10, CsafValidation.STRICT).read(big))
        .isInstanceOf(AdvisoryFormatException.class)
        .hasMessage(message);
  }

  /** One field of a valid OASIS example changed to a value outside the schema. */
  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"status\": \"final\"|\"status\": \"done\"|document.tracking.status 'done' is not one of",
        "\"category\": \"product_version\"|\"category\": \"version\"|.category 'version' is not"
            + " one of",
        "\"category\": \"none_available\"|\"category\": \"later\"|vulnerabilities[2].remediations"
            + ".category 'later'",
        "\"cve\": \"CVE-2020-11896\"|\"cve\": \"CVE-20-1\"|vulnerabilities[0].cve 'CVE-20-1' is"
            + " malformed",
      })
  void csafSchemaViolations(String from, String to, String message) throws Exception {
    String doc =
        java.nio.file.Files.readString(
            Vectors.root()
                .resolve(Vectors.CSAF + "examples/csaf/csaf_vex/2022-evd-uc-03-ms-001.json"));
    assertThatThrownBy(
            () ->
                AdvisoryReader.withDefaultLimits()
                    .read(
                        doc.replaceFirst(java.util.regex.Pattern.quote(from), to)
                            .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AdvisoryFormatException.class)
        .hasMessageContaining(message);
  }
}
