package dev.hallmark.tlog.rekorv1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.tlog.rekorv1.ConformanceExpectations.Body;
import dev.hallmark.tlog.rekorv1.ConformanceExpectations.Expectation;
import dev.hallmark.tlog.rekorv1.ConformanceExpectations.Rebuilt;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance: for every sigstore-conformance bundle-verify case that carries a Rekor v1 entry,
 * rebuilding the proposed entry from the bundle and canonicalizing it with Hallmark reproduces the
 * bundle's canonicalizedBody byte for byte, where the entry is well-formed. Malformed or mismatched
 * cases are asserted to be rejected or to differ; the expectations and exclusions, with reasons,
 * are in {@link ConformanceExpectations}. Vectors: {@code src/test/resources/sigstore-conformance}
 * (see its SOURCE.md).
 */
class ConformanceBodiesTest {
  private static final String ROOT = "/sigstore-conformance/";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final RekorV1Entries entries = new RekorV1Entries(MAPPER);

  static Stream<String> v1Cases() {
    return ConformanceExpectations.V1.keySet().stream();
  }

  @Test
  void everyConformanceCaseIsCoveredOrExcludedWithAReason() throws IOException {
    JsonNode index = MAPPER.readTree(resource("cases.json"));
    Set<String> all = new HashSet<>();
    for (JsonNode c : index.path("cases")) {
      all.add(c.path("case").asText());
    }
    assertThat(all).hasSize(70);
    Set<String> covered = new HashSet<>(ConformanceExpectations.V1.keySet());
    assertThat(covered).doesNotContainAnyElementsOf(ConformanceExpectations.EXCLUDED.keySet());
    covered.addAll(ConformanceExpectations.EXCLUDED.keySet());
    assertThat(covered).isEqualTo(all);
    for (String excluded : ConformanceExpectations.EXCLUDED.keySet()) {
      assertThat(ConformanceBodiesTest.class.getResource(ROOT + excluded + "/bundle.sigstore.json"))
          .as("excluded case %s is not copied", excluded)
          .isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1Cases")
  void rebuiltProposedEntryCanonicalizesToTheLoggedBody(String name) throws Exception {
    Expectation expect = ConformanceExpectations.V1.get(name);
    JsonNode bundle = MAPPER.readTree(resource(name + "/bundle.sigstore.json"));
    JsonNode tle = bundle.path("verificationMaterial").path("tlogEntries").path(0);
    assertThat(kindVersion(tle)).isIn("hashedrekord 0.0.1", "dsse 0.0.1", "intoto 0.0.2");
    byte[] logged = Base64.getDecoder().decode(tle.path("canonicalizedBody").asText());

    ObjectNode proposed;
    try {
      proposed = BundleToProposedEntry.build(bundle, caseDir(name));
    } catch (BundleToProposedEntry.NotRebuildable e) {
      assertThat(expect.rebuilt())
          .as("%s: %s", name, e.getMessage())
          .isEqualTo(Rebuilt.NOT_REBUILDABLE);
      return;
    }
    byte[] request = MAPPER.writeValueAsBytes(proposed);
    switch (expect.rebuilt()) {
      case REPRODUCES -> {
        V1Entry entry = entries.parse(request);
        assertThat(entry.canonicalBody())
            .as(firstDifference(entry.canonicalBody(), logged))
            .isEqualTo(logged);
        assertThat(kindVersion(tle)).isEqualTo(entry.kind() + " " + entry.apiVersion());
      }
      case REJECTED ->
          assertThatThrownBy(() -> entries.parse(request))
              .as(expect.why())
              .isInstanceOf(InvalidEntryException.class)
              .hasMessageMatching(
                  "(?s).*(does not verify|is not valid base64|not a valid point).*");
      case DIFFERS ->
          assertThat(entries.parse(request).canonicalBody()).as(expect.why()).isNotEqualTo(logged);
      case NOT_REBUILDABLE -> fail("%s was expected not to be rebuildable, but it was", name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1Cases")
  void loggedBodyResubmittedAsARequestCanonicalizesToItself(String name) throws Exception {
    Expectation expect = ConformanceExpectations.V1.get(name);
    JsonNode tle =
        MAPPER
            .readTree(resource(name + "/bundle.sigstore.json"))
            .path("verificationMaterial")
            .path("tlogEntries")
            .path(0);
    byte[] logged = Base64.getDecoder().decode(tle.path("canonicalizedBody").asText());
    if (expect.body() == Body.NOT_A_REQUEST) {
      assertThat(kindVersion(tle)).isEqualTo("dsse 0.0.1");
      // a stored dsse body is no dsse request: it must not be accepted as one
      assertThatThrownBy(() -> entries.parse(logged))
          .isInstanceOf(InvalidEntryException.class)
          .hasMessageContaining("spec.proposedContent is required");
      return;
    }
    if (expect.body() == Body.REJECTED_AS_REQUEST) {
      assertThatThrownBy(() -> entries.parse(logged)).isInstanceOf(InvalidEntryException.class);
      return;
    }
    byte[] again = entries.parse(logged).canonicalBody();
    assertThat(again).as(firstDifference(again, logged)).isEqualTo(logged);
  }

  /** A short description of where two bodies first differ (the bodies are kilobytes long). */
  private static String firstDifference(byte[] actual, byte[] expected) {
    int i = 0;
    while (i < actual.length && i < expected.length && actual[i] == expected[i]) {
      i++;
    }
    String a = new String(actual, StandardCharsets.UTF_8);
    String e = new String(expected, StandardCharsets.UTF_8);
    int from = Math.max(0, i - 60);
    return "bodies differ at byte "
        + i
        + ": actual ..."
        + a.substring(Math.min(from, a.length()), Math.min(a.length(), i + 40))
        + "... expected ..."
        + e.substring(Math.min(from, e.length()), Math.min(e.length(), i + 40))
        + "...";
  }

  /** The DSSE serialization documented in {@link BundleToProposedEntry} matches envelopeHash. */
  @Test
  void dsseEnvelopeHashMatchesTheClientSerialization() throws Exception {
    JsonNode bundle =
        MAPPER.readTree(resource("happy-path-intoto-in-dsse-v3/bundle.sigstore.json"));
    JsonNode body =
        MAPPER.readTree(
            Base64.getDecoder()
                .decode(
                    bundle
                        .path("verificationMaterial")
                        .path("tlogEntries")
                        .path(0)
                        .path("canonicalizedBody")
                        .asText()));
    String envelope = BundleToProposedEntry.dsseEnvelopeAsSubmitted(bundle.path("dsseEnvelope"));
    assertThat(Digests.sha256Hex(envelope.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(body.path("spec").path("envelopeHash").path("value").asText());
  }

  @Test
  void reproducedCasesAreTheWellFormedOnes() {
    List<String> reproduced = new ArrayList<>();
    ConformanceExpectations.V1.forEach(
        (name, e) -> {
          if (e.rebuilt() == Rebuilt.REPRODUCES) {
            reproduced.add(name);
          }
        });
    // every passing case reproduces; no passing case is excluded or expected to differ
    ConformanceExpectations.V1.forEach(
        (name, e) -> {
          if (!name.endsWith("_fail")) {
            assertThat(e.rebuilt()).as(name).isEqualTo(Rebuilt.REPRODUCES);
          }
        });
    assertThat(reproduced).hasSize(24);
  }

  private static String kindVersion(JsonNode tle) {
    return tle.path("kindVersion").path("kind").asText()
        + " "
        + tle.path("kindVersion").path("version").asText();
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = ConformanceBodiesTest.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IOException("missing test resource " + ROOT + path);
      }
      return in.readAllBytes();
    }
  }

  private static Path caseDir(String name) throws IOException {
    URL url = ConformanceBodiesTest.class.getResource(ROOT + name);
    try {
      Path dir = Path.of(url.toURI());
      if (!Files.isDirectory(dir)) {
        throw new IOException(name + " is not a directory");
      }
      return dir;
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
