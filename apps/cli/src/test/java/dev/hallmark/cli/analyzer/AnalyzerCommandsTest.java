package dev.hallmark.cli.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.cli.Main;
import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hallmark sbom upload|list|show|packages} and {@code hallmark advisory upload} against a
 * running server: bulk uploads go on past a broken document and name it in the summary (exit 1);
 * the endpoints file says where the analyzer is; {@code --output json} is parseable.
 */
class AnalyzerCommandsTest {
  @TempDir static Path dataDir;
  @TempDir Path dir;
  static HallmarkServer server;
  static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> config = new HashMap<>();
    config.put("data.dir", dataDir.toString());
    for (String port :
        new String[] {
          "rekor.v1.port",
          "rekor.v2.port",
          "ctlog.port",
          "ca.port",
          "tsa.port",
          "trust.port",
          "oidc.port",
          "analyzer.port"
        }) {
      config.put(port, "0");
    }
    server = HallmarkServer.start(ServerConfig.of(config));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Path copy(String resource) throws IOException {
    Path target = dir.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = getClass().getResourceAsStream("/analyzer/" + resource)) {
      Files.copy(in, target);
    }
    return target;
  }

  String endpoints() {
    return dataDir.resolve("endpoints.json").toString();
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
            "--endpoints",
            endpoints(),
            "--label",
            "team=cli",
            openssl.toString(),
            broken.toString(),
            laravel.toString());
    assertThat(upload.exit()).as(upload.err()).isEqualTo(1);
    assertThat(upload.out())
        .contains("2 stored, 0 already stored, 1 failed")
        .contains("failed: " + broken);

    Run again =
        run("sbom", "upload", "--endpoints", endpoints(), "--output", "json", openssl.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    JsonNode result = JSON.readTree(again.out()).get(0);
    assertThat(result.get("status").asText()).isEqualTo("duplicate");
    String id = result.get("id").asText();

    Run list =
        run(
            "sbom",
            "list",
            "--endpoints",
            endpoints(),
            "--query",
            "label:team=cli",
            "--output",
            "json");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(JSON.readTree(list.out()).get("total").asInt()).isEqualTo(2);
    Run text = run("sbom", "list", "--endpoints", endpoints(), "--sort", "name");
    assertThat(text.out()).contains(id).contains("2 SBOM(s)");

    Run show = run("sbom", "show", "--endpoints", endpoints(), id);
    assertThat(show.exit()).isZero();
    assertThat(show.out()).contains(source.get("name").asText()).contains("SPDX-2.3");

    Run packages =
        run("sbom", "packages", "--endpoints", endpoints(), "--limit", "0", "--output", "json", id);
    assertThat(JSON.readTree(packages.out()).get("items").size())
        .isEqualTo(source.get("packages").size());

    Run missing =
        run(
            "sbom",
            "show",
            "--endpoints",
            endpoints(),
            "urn:uuid:00000000-0000-4000-8000-000000000000");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).startsWith("hallmark: HTTP 404");
  }

  @Test
  void advisoryDirectoryUpload() throws Exception {
    copy("advisories/RUSTSEC-2021-0079.json");
    copy("advisories/CVE-1999-0001.json");
    copy("advisories/PYSEC-2024-55.yaml");
    Run upload =
        run("advisory", "upload", "--endpoints", endpoints(), dir.resolve("advisories").toString());
    assertThat(upload.exit()).as(upload.out() + upload.err()).isZero();
    assertThat(upload.out()).contains("3 stored, 0 already stored, 0 failed");
  }

  @Test
  void usageErrors() {
    Run noServer = run("sbom", "list", "--endpoints", dir.resolve("nothing.json").toString());
    assertThat(noServer.exit()).isEqualTo(2);
    assertThat(noServer.err()).contains("no endpoints file");
    Run badOutput = run("sbom", "list", "--endpoints", endpoints(), "--output", "yaml");
    assertThat(badOutput.exit()).isEqualTo(2);
    Run badQuery = run("sbom", "list", "--endpoints", endpoints(), "--query", "colour=red");
    assertThat(badQuery.exit()).isEqualTo(2);
    assertThat(badQuery.err()).contains("colour");
    Run badLabel = run("sbom", "upload", "--endpoints", endpoints(), "--label", "x", "f");
    assertThat(badLabel.exit()).isEqualTo(2);
  }
}
