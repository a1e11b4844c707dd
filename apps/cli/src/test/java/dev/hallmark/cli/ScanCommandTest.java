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
    // something is affected: exit 3
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
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
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).contains("2 finding(s) for 3 identifiable package(s) of 4");
    LocalHallmark.Run missing =
        run("scan", dir.resolve("missing.json").toString(), "--advisories", dir.toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("hallmark: cannot read " + dir.resolve("missing.json") + "\n");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"9.9\"}");
    LocalHallmark.Run invalid =
        run("scan", bad.toString(), "--advisories", advisories().toString());
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).startsWith("hallmark: ").contains("not a usable SBOM");
    assertThat(
            run("scan", sbom().toString(), "--advisories", dir.resolve("nope").toString()).exit())
        .isEqualTo(1);
    LocalHallmark.Run badPrecedence =
        run(
            "scan",
            sbom().toString(),
            "--advisories",
            advisories().toString(),
            "--precedence",
            "affected,fixed");
    assertThat(badPrecedence.exit()).isEqualTo(1);
    assertThat(badPrecedence.err()).contains("all four statuses");
    LocalHallmark.Run badProfile =
        run(
            "scan",
            sbom().toString(),
            "--advisories",
            advisories().toString(),
            "--profile",
            "acme:maven:weekly");
    assertThat(badProfile.exit()).isEqualTo(1);
    assertThat(badProfile.err()).contains("unknown stream 'weekly'");
    // picocli's own usage errors (a required option missing)
    assertThat(run("scan", sbom().toString()).exit()).isEqualTo(2);
  }

  /**
   * The supplier's VEX says aiohttp 3.8.4 is not affected by CVE-2023-37276 (the vulnerable code is
   * not in the execute path) while GHSA-45c4 says it is. Under the default precedence the VEX wins
   * and only hyper remains affected (exit 3 for hyper); with "affected" ranked first, GHSA-45c4's
   * statement wins and the VEX is kept as overridden evidence. Without hyper's advisory, the
   * default precedence leaves nothing affected: exit 0.
   */
  @Test
  void precedenceDecidesBetweenTheVexAndTheAdvisory() throws Exception {
    Path adv = advisories();
    try (InputStream in = getClass().getResourceAsStream("/scan/vex-aiohttp.json")) {
      Files.write(adv.resolve("vex-aiohttp.json"), in.readAllBytes());
    }
    ObjectMapper json = new ObjectMapper();
    LocalHallmark.Run byDefault =
        run("scan", sbom().toString(), "--advisories", adv.toString(), "--output", "json");
    assertThat(byDefault.exit()).as(byDefault.err()).isEqualTo(3);
    JsonNode aiohttp = json.readTree(byDefault.out()).get(1);
    assertThat(aiohttp.get("vulnerability").asText()).isEqualTo("CVE-2023-37276");
    assertThat(aiohttp.get("status").asText()).isEqualTo("not_affected");
    assertThat(aiohttp.get("evidence").get("advisory").asText()).isEqualTo("EXAMPLE-VEX-AIOHTTP");

    LocalHallmark.Run affectedFirst =
        run(
            "scan",
            sbom().toString(),
            "--advisories",
            adv.toString(),
            "--output",
            "json",
            "--precedence",
            "affected,not_affected,fixed,under_investigation");
    assertThat(affectedFirst.exit()).isEqualTo(3);
    JsonNode overruled = json.readTree(affectedFirst.out()).get(1);
    assertThat(overruled.get("status").asText()).isEqualTo("affected");
    assertThat(overruled.get("evidence").get("advisory").asText()).isEqualTo("GHSA-45c4-8wx5-qw6w");
    assertThat(overruled.get("overridden").toString()).contains("EXAMPLE-VEX-AIOHTTP");

    Files.delete(adv.resolve("RUSTSEC-2022-0022.json"));
    LocalHallmark.Run nothingAffected =
        run("scan", sbom().toString(), "--advisories", adv.toString());
    assertThat(nothingAffected.exit()).as(nothingAffected.out()).isZero();
  }
}
