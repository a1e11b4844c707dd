package dev.hallmark.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Bundle#toJson}: every conformance bundle that parses is written back to JSON that parses
 * to an equal bundle, and bundles produced by the clients in the current spelling (v0.3 media type,
 * defaults omitted) are reproduced field for field.
 */
class BundleWriteTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> parseableCases() throws IOException, URISyntaxException {
    Path dir =
        Path.of(BundleWriteTest.class.getResource("/sigstore-conformance/bundle-verify").toURI());
    try (Stream<Path> cases = Files.list(dir)) {
      return cases
          .filter(c -> Files.exists(c.resolve("bundle.sigstore.json")))
          .map(c -> c.getFileName().toString())
          .filter(
              name -> {
                try {
                  Bundle.parse(Resources.bundle(name));
                  return true;
                } catch (BundleFormatException e) {
                  return false;
                }
              })
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void theCasesCoverEveryVersionAndMaterial() throws Exception {
    assertThat(parseableCases())
        .contains(
            "happy-path-v0.1",
            "happy-path-v0.2",
            "happy-path-v0.3",
            "managed-key-happy-path",
            "intoto-with-custom-trust-root");
  }

  @ParameterizedTest
  @MethodSource("parseableCases")
  void writtenBundlesParseBackToTheSameBundle(String name) throws Exception {
    Bundle b = Bundle.parse(Resources.bundle(name));
    byte[] json = b.toJson();
    assertThat(Bundle.parse(json)).isEqualTo(b);
    assertThat(BundleVersion.ofMediaType(JSON.readTree(json).get("mediaType").asText()))
        .isEqualTo(b.version());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "happy-path-v0.3-new-mediaType",
        "rekor2-happy-path",
        "happy-path-intoto-in-dsse-v3",
        "managed-key-happy-path"
      })
  void reproducesClientBundlesFieldForField(String name) throws Exception {
    JsonNode original = JSON.readTree(Resources.bundle(name));
    JsonNode written = JSON.readTree(Bundle.parse(Resources.bundle(name)).toJson());
    assertThat(written).isEqualTo(original);
  }

  @Test
  void parsesALogEntryOnItsOwn() throws Exception {
    JsonNode tle =
        JSON.readTree(Resources.bundle("rekor2-happy-path"))
            .get("verificationMaterial")
            .get("tlogEntries")
            .get(0);
    TlogEntry e = TlogEntry.parse(JSON.writeValueAsBytes(tle));
    assertThat(e)
        .isEqualTo(Bundle.parse(Resources.bundle("rekor2-happy-path")).tlogEntries().get(0));
    assertThat(e.logIndex()).isEqualTo(Long.parseLong(tle.get("logIndex").asText()));
    assertThat(e.integratedTime()).isZero();
    assertThat(e.kind()).isEqualTo("hashedrekord");
    assertThat(e.version()).isEqualTo("0.0.2");
  }

  @Test
  void theFirstEntryOfALogKeepsItsZeroIndexes() throws Exception {
    Bundle b = Bundle.parse(Resources.bundle("rekor2-happy-path"));
    TlogEntry e = b.tlogEntries().get(0);
    InclusionProof p = e.inclusionProof();
    TlogEntry first =
        new TlogEntry(
            0,
            e.logId(),
            e.kind(),
            e.version(),
            0,
            Bytes.empty(),
            new InclusionProof(0, p.rootHash(), 1, List.of(), p.checkpoint()),
            e.canonicalizedBody());
    Bundle zero =
        new Bundle(
            b.version(),
            b.material(),
            List.of(first),
            b.rfc3161Timestamps(),
            b.messageSignature(),
            null);
    JsonNode entry = JSON.readTree(zero.toJson()).at("/verificationMaterial/tlogEntries/0");
    assertThat(entry.get("logIndex").asText()).isEqualTo("0");
    assertThat(entry.at("/inclusionProof/logIndex").asText()).isEqualTo("0");
    assertThat(entry.at("/inclusionProof/treeSize").asText()).isEqualTo("1");
    assertThat(entry.has("integratedTime")).isFalse();
    assertThat(entry.at("/inclusionProof").has("hashes")).isFalse();
    assertThat(Bundle.parse(zero.toJson())).isEqualTo(zero);
  }
}
