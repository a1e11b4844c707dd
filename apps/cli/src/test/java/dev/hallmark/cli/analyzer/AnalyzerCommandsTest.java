package dev.hallmark.cli.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.cli.LocalHallmark;
import dev.hallmark.cli.LocalHallmark.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hallmark sbom upload|list|show|packages} and {@code hallmark advisory upload} against a
 * running server: bulk uploads go on past a broken document and name it in the summary (exit 1);
 * the endpoints file says where the analyzer is; {@code --output json} is parseable.
 */
class AnalyzerCommandsTest {
  @TempDir static Path dataDir;
  @TempDir Path dir;
  static AnalyzerHallmark hallmark;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    hallmark = AnalyzerHallmark.start(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    hallmark.close();
  }

  /** {@code hallmark args...} against this class's server. */
  static Run run(String... args) {
    return hallmark.run(args);
  }

  Path copy(String resource) throws IOException {
    Path target = dir.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = getClass().getResourceAsStream("/analyzer/" + resource)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void uploadListShowPackages() throws Exception {
    Path openssl = copy("openssl-3.0.7-18.el9_2.spdx.json");
    Path laravel = copy("laravel-bom.1.4.json");
    Path broken = copy("mlbom-trailing-comma.json");
    JsonNode source = JSON.readTree(openssl.toFile());

    Run upload =
        run(
            "sbom",
            "upload",
            "--label",
            "team=cli",
            openssl.toString(),
            broken.toString(),
            laravel.toString());
    assertThat(upload.exit()).as(upload.err()).isEqualTo(1);
    assertThat(upload.out())
        .contains("2 stored, 0 already stored, 1 failed")
        .contains("failed: " + broken);

    Run again = run("sbom", "upload", "--output", "json", openssl.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    JsonNode result = JSON.readTree(again.out()).get(0);
    assertThat(result.get("status").asText()).isEqualTo("duplicate");
    String id = result.get("id").asText();

    Run list = run("sbom", "list", "--query", "label:team=cli", "--output", "json");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(JSON.readTree(list.out()).get("total").asInt()).isEqualTo(2);
    // (other tests of this class store SBOMs on the same server: select this test's by label)
    Run text = run("sbom", "list", "--query", "label:team=cli", "--sort", "name");
    assertThat(text.out()).contains(id).contains("2 SBOM(s)");

    Run show = run("sbom", "show", id);
    assertThat(show.exit()).isZero();
    assertThat(show.out()).contains(source.get("name").asText()).contains("SPDX-2.3");

    Run packages = run("sbom", "packages", "--limit", "0", "--output", "json", id);
    assertThat(JSON.readTree(packages.out()).get("items").size())
        .isEqualTo(source.get("packages").size());

    Run missing = run("sbom", "show", "urn:uuid:00000000-0000-4000-8000-000000000000");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).startsWith("hallmark: HTTP 404");
  }

  @Test
  void advisoryDirectoryUpload() throws Exception {
    copy("advisories/RUSTSEC-2021-0079.json");
    copy("advisories/CVE-1999-0001.json");
    copy("advisories/PYSEC-2024-55.yaml");
    Run upload = run("advisory", "upload", dir.resolve("advisories").toString());
    assertThat(upload.exit()).as(upload.out() + upload.err()).isZero();
    assertThat(upload.out()).contains("3 stored, 0 already stored, 0 failed");
  }

  /**
   * RUSTSEC-2022-0022 (hyper, fixed in 0.14.12, no CVE alias): an SBOM with hyper 0.14.11 has one
   * affected finding (exit 3), one with hyper 0.14.12 has none (exit 0); an unknown SBOM is an
   * error (exit 1).
   */
  @Test
  void findingsOfAnSbom() throws Exception {
    Path vulnerable = dir.resolve("vulnerable.json");
    Path fixed = dir.resolve("fixed.json");
    Files.writeString(vulnerable, cargoSbom("vulnerable-app", "0.14.11"));
    Files.writeString(fixed, cargoSbom("fixed-app", "0.14.12"));
    Path advisory = copy("findings/RUSTSEC-2022-0022.json");
    assertThat(run("advisory", "upload", advisory.toString()).exit()).isZero();
    assertThat(run("sbom", "upload", vulnerable.toString(), fixed.toString()).exit()).isZero();
    String vulnerableId = idOf("vulnerable-app");
    String fixedId = idOf("fixed-app");
    // the server's worker correlates within the poll interval; wait for the finding
    Run text = run("sbom", "findings", vulnerableId);
    for (int i = 0; i < 200 && text.exit() != 3; i++) {
      Thread.sleep(50);
      text = run("sbom", "findings", vulnerableId);
    }
    assertThat(text.exit()).as(text.out() + text.err()).isEqualTo(3);
    assertThat(text.out()).contains("affected").contains("RUSTSEC-2022-0022");
    assertThat(text.out()).contains("pkg:cargo/hyper@0.14.11");

    Run json = run("sbom", "findings", "--output", "json", vulnerableId);
    assertThat(json.exit()).isEqualTo(3);
    JsonNode f = JSON.readTree(json.out()).get(0);
    assertThat(f.get("vulnerability").asText()).isEqualTo("RUSTSEC-2022-0022");
    assertThat(f.get("status").asText()).isEqualTo("affected");
    assertThat(f.get("package").asText()).isEqualTo("pkg:cargo/hyper@0.14.11");
    assertThat(f.get("advisory").asText()).isEqualTo("RUSTSEC-2022-0022");
    assertThat(f.get("aliases").toString()).contains("GHSA-f67m-9j94-qv9j");
    assertThat(f.get("evidence").get("matchedBy").asText()).isEqualTo("purl");
    assertThat(f.get("evidence").get("range").asText()).contains("fixed=0.14.12");

    Run none = run("sbom", "findings", fixedId);
    assertThat(none.exit()).as(none.out() + none.err()).isZero();
    assertThat(none.out()).contains("0 finding(s)");

    Run unknown = run("sbom", "findings", "urn:uuid:00000000-0000-4000-8000-000000000000");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("hallmark:");
  }

  private static String cargoSbom(String name, String hyperVersion) {
    return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
        + "\"metadata\":{\"component\":{\"type\":\"application\",\"name\":\""
        + name
        + "\"}},\"components\":[{\"type\":\"library\",\"bom-ref\":\"hyper\",\"name\":\"hyper\","
        + "\"version\":\""
        + hyperVersion
        + "\",\"purl\":\"pkg:cargo/hyper@"
        + hyperVersion
        + "\"}]}";
  }

  private String idOf(String name) throws Exception {
    Run list = run("sbom", "list", "--output", "json", "--query", "name=" + name);
    return JSON.readTree(list.out()).get("items").get(0).get("id").asText();
  }

  @Test
  void usageErrors() {
    Run noServer =
        LocalHallmark.run("sbom", "list", "--endpoints", dir.resolve("nothing.json").toString());
    assertThat(noServer.exit()).isEqualTo(2);
    assertThat(noServer.err()).contains("no endpoints file");
    Run badOutput = run("sbom", "list", "--output", "yaml");
    assertThat(badOutput.exit()).isEqualTo(2);
    Run badQuery = run("sbom", "list", "--query", "colour=red");
    assertThat(badQuery.exit()).isEqualTo(2);
    assertThat(badQuery.err()).contains("colour");
    Run badLabel = run("sbom", "upload", "--label", "x", "f");
    assertThat(badLabel.exit()).isEqualTo(2);
  }
}
