package dev.hallmark.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.AdvisoryReader;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * CSAF products identified only by file hashes (product_identification_helper.hashes, as in the
 * OASIS test document 6.2.9-02): a component with the same digest matches, whatever the SBOM's
 * spelling of the algorithm (CycloneDX "SHA-256", SPDX "SHA256") and the case of the hex; another
 * digest, or the same hex under another algorithm, does not; a name alone never does.
 */
class FileDigestMatchTest {
  static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  static Advisory csafWithHashedProduct() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ObjectNode doc = root.putObject("document");
    doc.put("category", "csaf_security_advisory").put("csaf_version", "2.0");
    doc.putObject("publisher")
        .put("category", "vendor")
        .put("name", "Example Vendor")
        .put("namespace", "https://vendor.example.com");
    doc.put("title", "libexample.so is affected");
    ObjectNode tracking = doc.putObject("tracking");
    tracking
        .put("current_release_date", "2024-05-01T00:00:00Z")
        .put("id", "EXAMPLE-2024-0001")
        .put("initial_release_date", "2024-05-01T00:00:00Z")
        .put("status", "final")
        .put("version", "1");
    tracking
        .putArray("revision_history")
        .addObject()
        .put("date", "2024-05-01T00:00:00Z")
        .put("number", "1")
        .put("summary", "Initial version.");
    ObjectNode product = root.putObject("product_tree").putArray("full_product_names").addObject();
    product.put("name", "libexample.so 2.1").put("product_id", "CSAFPID-1");
    ArrayNode hashes =
        product
            .putObject("product_identification_helper")
            .putArray("hashes")
            .addObject()
            .put("filename", "libexample.so")
            .putArray("file_hashes");
    hashes.addObject().put("algorithm", "sha256").put("value", SHA256);
    ObjectNode v = root.putArray("vulnerabilities").addObject();
    v.put("cve", "CVE-2024-99999");
    v.putArray("notes")
        .addObject()
        .put("category", "description")
        .put("text", "A flaw in libexample.so.")
        .put("title", "Description");
    v.putObject("product_status").putArray("known_affected").add("CSAFPID-1");
    v.putArray("remediations")
        .addObject()
        .put("category", "vendor_fix")
        .put("details", "Upgrade to 2.2.")
        .putArray("product_ids")
        .add("CSAFPID-1");
    return AdvisoryReader.withDefaultLimits()
        .read(new ByteArrayInputStream(json.writeValueAsBytes(root)), null);
  }

  @Test
  void aProductNamedByHashMatchesTheFileWithThatDigest() throws Exception {
    List<Component> components =
        List.of(
            new Component(
                "cdx", null, null, "libexample.so", List.of("SHA-256:" + SHA256.toUpperCase())),
            new Component(
                "spdx",
                "pkg:generic/libexample@2.1",
                null,
                "libexample",
                List.of("SHA256:" + SHA256)),
            new Component(
                "other",
                null,
                null,
                "libexample.so",
                List.of("SHA-256:" + SHA256.replace('9', '8'))),
            new Component(
                "sha1", null, null, "libexample.so", List.of("SHA-1:" + SHA256.substring(0, 40))),
            new Component("name", "pkg:generic/libexample.so@2.1", null, "libexample.so 2.1"));
    Correlator.Result r = new Correlator().correlate(components, List.of(csafWithHashedProduct()));
    Map<String, Finding> byRef =
        r.findings().stream().collect(Collectors.toMap(f -> f.component().ref(), f -> f));
    assertThat(byRef.keySet()).containsExactlyInAnyOrder("cdx", "spdx");
    Finding f = byRef.get("cdx");
    assertThat(f.vulnerability()).isEqualTo("CVE-2024-99999");
    assertThat(f.status()).isEqualTo(FindingStatus.AFFECTED);
    assertThat(f.evidence().matchedBy()).isEqualTo("hash");
    assertThat(f.evidence().identifier()).isEqualTo("sha256:" + SHA256);
  }

  @Test
  void matchKeysMeetOnTheDigest() throws Exception {
    String key = "hash:sha256:" + SHA256;
    assertThat(MatchKeys.of(csafWithHashedProduct())).containsExactly(key);
    assertThat(
            MatchKeys.of(
                new Component("c", null, null, "x", List.of("SHA-256:" + SHA256.toUpperCase()))))
        .containsExactly(key);
  }
}
