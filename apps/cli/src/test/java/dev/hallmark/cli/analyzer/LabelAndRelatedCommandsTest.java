package dev.hallmark.cli.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.cli.LocalHallmark.Run;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hallmark sbom label}, {@code hallmark advisory label} and {@code hallmark sbom related}
 * against a running server holding Red Hat's openssl SPDX SBOM (an SRPM that five architectures'
 * openssl-libs are GENERATED_FROM) and a CVE record; errors are one line with a non-zero exit.
 */
class LabelAndRelatedCommandsTest {
  private static final String MISSING = "urn:uuid:00000000-0000-4000-8000-000000000000";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  @TempDir static Path files;
  static AnalyzerHallmark hallmark;
  static String sbom;
  static String advisory;

  @BeforeAll
  static void start() throws Exception {
    hallmark = AnalyzerHallmark.start(dataDir);
    sbom = upload("sbom", "openssl-3.0.7-18.el9_2.spdx.json", "team=crypto", "tier=1");
    advisory = upload("advisory", "advisories/CVE-1999-0001.json", "source=cve");
  }

  @AfterAll
  static void stop() throws Exception {
    hallmark.close();
  }

  /** Uploads a test resource with labels and answers its id. */
  private static String upload(String kind, String resource, String... labels) throws Exception {
    Path file = files.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in =
        LabelAndRelatedCommandsTest.class.getResourceAsStream("/analyzer/" + resource)) {
      Files.copy(in, file);
    }
    List<String> args = new ArrayList<>(List.of(kind, "upload", "--output", "json"));
    for (String label : labels) {
      args.add("--label");
      args.add(label);
    }
    args.add(file.toString());
    Run run = hallmark.run(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return JSON.readTree(run.out()).get(0).get("id").asText();
  }

  @Test
  void sbomLabelsAreMergedRemovedAndReplaced() throws Exception {
    Run merged = hallmark.run("sbom", "label", sbom, "env=prod", "--remove", "tier");
    assertThat(merged.exit()).as(merged.err()).isZero();
    assertThat(merged.out()).contains("env=prod").contains("team=crypto").contains("2 label(s)");
    assertThat(merged.out()).doesNotContain("tier");

    Run json = hallmark.run("sbom", "label", sbom, "team=tls", "--output", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(JSON.readTree(json.out()).toString())
        .isEqualTo("{\"env\":\"prod\",\"team\":\"tls\"}");

    Run replaced =
        hallmark.run("sbom", "label", sbom, "--replace", "owner=sec", "--output", "json");
    assertThat(replaced.exit()).as(replaced.err()).isZero();
    assertThat(JSON.readTree(replaced.out()).toString()).isEqualTo("{\"owner\":\"sec\"}");
    // the server stored what the command printed
    Run listed = hallmark.run("sbom", "list", "--query", "label:owner=sec", "--output", "json");
    assertThat(JSON.readTree(listed.out()).get("total").asInt()).isEqualTo(1);

    Run cleared = hallmark.run("sbom", "label", sbom, "--replace");
    assertThat(cleared.exit()).as(cleared.err()).isZero();
    assertThat(cleared.out()).isEqualTo("0 label(s)" + System.lineSeparator());
  }

  @Test
  void advisoryLabels() throws Exception {
    Run labelled = hallmark.run("advisory", "label", advisory, "triaged=yes", "--output", "json");
    assertThat(labelled.exit()).as(labelled.err()).isZero();
    assertThat(JSON.readTree(labelled.out()).toString())
        .isEqualTo("{\"source\":\"cve\",\"triaged\":\"yes\"}");
    // an SBOM's id is no advisory
    Run wrongKind = hallmark.run("advisory", "label", sbom, "x=y");
    assertThat(wrongKind.exit()).isEqualTo(1);
    assertThat(wrongKind.err().strip()).startsWith("hallmark: HTTP 404").contains("no advisory");
  }

  @Test
  void labelErrorsAreOneLine() {
    assertOneLineError(hallmark.run("sbom", "label", sbom), 2, "nothing to change");
    assertOneLineError(hallmark.run("sbom", "label", sbom, "novalue"), 2, "key=value");
    assertOneLineError(
        hallmark.run("sbom", "label", sbom, "--replace", "a=b", "--remove", "c"), 2, "--replace");
    assertOneLineError(
        hallmark.run("sbom", "label", sbom, "a=b", "--remove", "a"), 2, "both set and removed");
    assertOneLineError(
        hallmark.run("sbom", "label", sbom, "k=" + "v".repeat(300)), 2, "at most 256");
    assertOneLineError(hallmark.run("sbom", "label", MISSING, "a=b"), 1, "HTTP 404");
  }

  @Test
  void relatedListsRootsAndOneHop() throws Exception {
    Run roots = hallmark.run("sbom", "related", sbom);
    assertThat(roots.exit()).as(roots.err()).isZero();
    assertThat(roots.out())
        .containsPattern(
            "DESCRIBES +SPDXRef-SRPM +openssl 3\\.0\\.7-18\\.el9_2 pkg:rpm/redhat/openssl@")
        .contains("1 related element(s)");

    Run generated =
        hallmark.run(
            "sbom",
            "related",
            sbom,
            "--reference",
            "SPDXRef-SRPM",
            "--which",
            "right",
            "--relationship",
            "generated_from",
            "--query",
            "name=openssl-libs",
            "--limit",
            "2",
            "--output",
            "json");
    assertThat(generated.exit()).as(generated.err()).isZero();
    JsonNode page = JSON.readTree(generated.out());
    // five architectures build openssl-libs from the SRPM; the page holds two
    assertThat(page.get("total").asInt()).isEqualTo(5);
    assertThat(page.get("items")).hasSize(2);
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("relationship").asText()).isEqualTo("GENERATED_FROM");
      assertThat(item.at("/package/purl/0").asText()).startsWith("pkg:rpm/redhat/openssl-libs@");
    }

    Run table =
        hallmark.run("sbom", "related", sbom, "--reference", "SPDXRef-SRPM", "--which", "right");
    assertThat(table.out().lines().filter(l -> l.startsWith("GENERATED_FROM")).count())
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void relatedErrorsAreOneLine() {
    assertOneLineError(
        hallmark.run("sbom", "related", sbom, "--which", "up", "--reference", "x"),
        2,
        "which must be left");
    assertOneLineError(hallmark.run("sbom", "related", sbom, "--which", "right"), 2, "reference");
    assertOneLineError(hallmark.run("sbom", "related", MISSING), 1, "no sbom");
  }

  private static void assertOneLineError(Run run, int exit, String detail) {
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(exit);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).startsWith("hallmark: ").contains(detail).doesNotContain("\n");
  }
}
