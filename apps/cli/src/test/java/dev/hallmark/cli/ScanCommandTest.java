package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hallmark scan}: a CycloneDX SBOM against a directory of OSV records (one gzipped, one file
 * that is not an advisory). hyper 0.14.11 is below RUSTSEC-2022-0022's fix (0.14.12) and is
 * reported under the RUSTSEC id, the record having no CVE alias; aiohttp 3.8.4 is below
 * GHSA-45c4-8wx5-qw6w's fix (3.8.5) and is reported as CVE-2023-37276; aiohttp 3.9.0 is not.
 */
class ScanCommandTest {
  @TempDir Path dir;

  static LocalHallmark.Run run(String... args) {
    return LocalHallmark.run(args);
  }

  private Path advisories() throws Exception {
    Path adv = Files.createDirectories(dir.resolve("advisories"));
    try (InputStream in = getClass().getResourceAsStream("/scan/RUSTSEC-2022-0022.json")) {
      Files.write(adv.resolve("RUSTSEC-2022-0022.json"), in.readAllBytes());
    }
    try (InputStream in = getClass().getResourceAsStream("/scan/GHSA-45c4-8wx5-qw6w.json");
        OutputStream out =
            new GZIPOutputStream(
                Files.newOutputStream(adv.resolve("GHSA-45c4-8wx5-qw6w.json.gz")))) {
      in.transferTo(out);
    }
    Files.writeString(adv.resolve("notes.txt"), "not an advisory");
    return adv;
  }

  private Path sbom() throws Exception {
    Path sbom = dir.resolve("bom.json");
    Files.writeString(
        sbom,
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":["
            + "{\"type\":\"library\",\"bom-ref\":\"hyper\",\"name\":\"hyper\",\"version\":\"0.14.11\","
            + "\"purl\":\"pkg:cargo/hyper@0.14.11\"},"
            + "{\"type\":\"library\",\"bom-ref\":\"aiohttp-old\",\"name\":\"aiohttp\",\"version\":\"3.8.4\","
            + "\"purl\":\"pkg:pypi/aiohttp@3.8.4\"},"
            + "{\"type\":\"library\",\"bom-ref\":\"aiohttp-new\",\"name\":\"aiohttp\",\"version\":\"3.9.0\","
            + "\"purl\":\"pkg:pypi/aiohttp@3.9.0\"},"
            + "{\"type\":\"library\",\"bom-ref\":\"noid\",\"name\":\"no identifiers\",\"version\":\"1\"}"
            + "]}");
    return sbom;
  }

  @Test
  void findingsAsJsonWithEvidence() throws Exception {
    LocalHallmark.Run r =
        run("scan", sbom().toString(), "--advisories", advisories().toString(), "--output", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("skipped").contains("notes.txt");
    JsonNode findings = new ObjectMapper().readTree(r.out());
    assertThat(findings).hasSize(2);
    JsonNode hyper = findings.get(0);
    assertThat(hyper.get("component").asText()).isEqualTo("hyper");
    assertThat(hyper.get("vulnerability").asText()).isEqualTo("RUSTSEC-2022-0022");
    assertThat(hyper.get("status").asText()).isEqualTo("affected");
    assertThat(hyper.get("package").asText()).isEqualTo("pkg:cargo/hyper@0.14.11");
    assertThat(hyper.get("evidence").get("scheme").asText()).isNotEmpty();
    JsonNode aiohttp = findings.get(1);
    assertThat(aiohttp.get("component").asText()).isEqualTo("aiohttp-old");
    assertThat(aiohttp.get("vulnerability").asText()).isEqualTo("CVE-2023-37276");
    assertThat(aiohttp.get("evidence").get("advisory").asText()).isEqualTo("GHSA-45c4-8wx5-qw6w");
  }

  @Test
  void textSummaryAndErrors() throws Exception {
    LocalHallmark.Run r = run("scan", sbom().toString(), "--advisories", advisories().toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("2 finding(s) for 3 identifiable package(s) of 4");
    assertThat(
            run("scan", dir.resolve("missing.json").toString(), "--advisories", dir.toString())
                .exit())
        .isEqualTo(2);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"9.9\"}");
    LocalHallmark.Run invalid =
        run("scan", bad.toString(), "--advisories", advisories().toString());
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).startsWith("hallmark: ").contains("not a usable SBOM");
    assertThat(run("scan", sbom().toString()).exit()).isEqualTo(2);
  }
}
