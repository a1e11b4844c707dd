package dev.hallmark.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.HashAlgorithm;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bundles from the conformance vectors, and the protobuf-JSON spelling rules. */
class BundleParseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsTheV01HappyPath() throws Exception {
    Bundle b = Bundle.parse(Resources.bundle("happy-path-v0.1"));
    assertThat(b.version()).isEqualTo(BundleVersion.V0_1);
    assertThat(b.material().kind()).isEqualTo(VerificationMaterial.Kind.CERTIFICATE_CHAIN);
    assertThat(b.material().certificates()).hasSize(1);
    TlogEntry e = b.tlogEntries().get(0);
    assertThat(e.logIndex()).isEqualTo(27246492L);
    assertThat(e.logId().base64()).isEqualTo("wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=");
    assertThat(e.kind()).isEqualTo("hashedrekord");
    assertThat(e.version()).isEqualTo("0.0.1");
    assertThat(e.integratedTime()).isEqualTo(1689177396L);
    assertThat(e.hasPromise()).isTrue();
    InclusionProof p = e.inclusionProof();
    assertThat(p.logIndex()).isEqualTo(23083061L);
    assertThat(p.treeSize()).isEqualTo(23083062L);
    assertThat(p.rootHash().base64()).isEqualTo("dauhleYK4YyAdxwwDtR0l0KnSOWZdG2bwqHftlanvcI=");
    assertThat(p.hashes()).hasSize(10);
    assertThat(p.checkpoint()).startsWith("rekor.sigstore.dev - 2605736670972794746\n23083062\n");
    MessageSignature m = b.messageSignature();
    assertThat(m.digestAlgorithm()).isEqualTo(HashAlgorithm.SHA2_256);
    assertThat(m.digest().base64()).isEqualTo("oM/HEnHW4njlfNMy/5V8P3BD/do1TEy7GQow1W76Ab8=");
    assertThat(b.dsse()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "happy-path-v0.2, V0_2, CERTIFICATE_CHAIN, 0",
    "happy-path-v0.3, V0_3, CERTIFICATE, 0",
    "happy-path-v0.3-new-mediaType, V0_3, CERTIFICATE, 0",
    "rekor2-happy-path, V0_3, CERTIFICATE, 1",
    "managed-key-happy-path, V0_3, PUBLIC_KEY, 1",
    "intoto-with-custom-trust-root, V0_2, CERTIFICATE_CHAIN, 1"
  })
  void readsEachVersionAndMaterial(
      String name, BundleVersion version, VerificationMaterial.Kind kind, int timestamps)
      throws Exception {
    Bundle b = Bundle.parse(Resources.bundle(name));
    assertThat(b.version()).isEqualTo(version);
    assertThat(b.material().kind()).isEqualTo(kind);
    assertThat(b.rfc3161Timestamps()).hasSize(timestamps);
  }

  @Test
  void readsARekorV2EntryWithoutIntegratedTime() throws Exception {
    TlogEntry e = Bundle.parse(Resources.bundle("rekor2-happy-path")).tlogEntries().get(0);
    assertThat(e.integratedTime()).isZero();
    assertThat(e.hasPromise()).isFalse();
    assertThat(e.logIndex()).isEqualTo(735L);
    assertThat(e.inclusionProof().treeSize()).isEqualTo(736L);
    assertThat(e.logId().base64()).isEqualTo("8w1amZ2S5mJIQkQmPxdMuOrL/oJkvFg9MnQXmeOCXck=");
  }

  @Test
  void readsADsseEnvelopeAndItsPae() throws Exception {
    Bundle b = Bundle.parse(Resources.bundle("happy-path-intoto-in-dsse-v3"));
    DsseEnvelope env = b.dsseEnvelope();
    assertThat(env.payloadType()).isEqualTo(DsseEnvelope.IN_TOTO);
    assertThat(env.signatures()).hasSize(1);
    String pae = new String(env.pae(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(pae)
        .startsWith(
            "DSSEv1 28 application/vnd.in-toto+json " + env.payload().size() + " {\"_type\":");
    assertThat(b.signature()).isEqualTo(env.signatures().get(0).sig());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bundle-malformed-json_fail|bundle is not valid JSON",
        "bundle-unknown-version_fail|unsupported bundle mediaType",
        "bundle-invalid-base64-signature_fail|messageSignature.signature is not valid base64",
        "bundle-negative-log-index_fail|tlogEntries[0].logIndex is negative (-1)",
        "bundle-empty-certificate-chain_fail|x509CertificateChain has no certificates",
        "intoto-missing-inclusion-proof_fail|has no inclusionProof with a checkpoint, which a V0_2",
        "rekor2-no-inclusion-proof_fail|has no inclusionProof with a checkpoint, which a V0_3"
      })
  void refusesMalformedBundles(String name, String reason) {
    assertThatThrownBy(() -> Bundle.parse(Resources.bundle(name)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void readsLineBrokenBase64AsGoAndPythonDo() throws Exception {
    Bundle b = Bundle.parse(Resources.bundle("rekor2-timestamp-with-incorrect-time_fail"));
    // a DER TimeStampResp starts with a SEQUENCE
    assertThat(b.rfc3161Timestamps().get(0).toArray()[0]).isEqualTo((byte) 0x30);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "happy-path-v0.1",
        "rekor2-happy-path",
        "happy-path-intoto-in-dsse-v3",
        "managed-key-happy-path"
      })
  void acceptsSnakeCaseNumbersAndUrlSafeBase64(String name) throws Exception {
    byte[] original = Resources.bundle(name);
    JsonNode respelled = respell(JSON.readTree(original));
    assertThat(JSON.writeValueAsString(respelled)).isNotEqualTo(new String(original));
    assertThat(Bundle.parse(JSON.writeValueAsBytes(respelled))).isEqualTo(Bundle.parse(original));
  }

  @Test
  void refusesAFieldGivenInBothSpellings() throws Exception {
    ObjectNode b = (ObjectNode) JSON.readTree(Resources.bundle("happy-path-v0.3"));
    b.put("media_type", b.get("mediaType").asText());
    assertThatThrownBy(() -> Bundle.parse(JSON.writeValueAsBytes(b)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("mediaType is given twice");
  }

  @Test
  void refusesAV01EntryWithoutPromise() throws Exception {
    ObjectNode b = (ObjectNode) JSON.readTree(Resources.bundle("happy-path-v0.1"));
    ((ObjectNode) b.at("/verificationMaterial/tlogEntries/0")).remove("inclusionPromise");
    assertThatThrownBy(() -> Bundle.parse(JSON.writeValueAsBytes(b)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("has no inclusionPromise, which a v0.1 bundle requires");
  }

  @Test
  void refusesADsseEnvelopeWithTwoSignatures() throws Exception {
    ObjectNode b = (ObjectNode) JSON.readTree(Resources.bundle("happy-path-intoto-in-dsse-v3"));
    ArrayNode sigs = (ArrayNode) b.at("/dsseEnvelope/signatures");
    sigs.add(sigs.get(0).deepCopy());
    assertThatThrownBy(() -> Bundle.parse(JSON.writeValueAsBytes(b)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("has 2 signatures; exactly one is allowed");
  }

  @Test
  void refusesTwoKindsOfContent() throws Exception {
    ObjectNode b = (ObjectNode) JSON.readTree(Resources.bundle("happy-path-v0.3"));
    ObjectNode dsse = (ObjectNode) JSON.readTree(Resources.bundle("happy-path-intoto-in-dsse-v3"));
    b.set("dsseEnvelope", dsse.get("dsseEnvelope"));
    assertThatThrownBy(() -> Bundle.parse(JSON.writeValueAsBytes(b)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("exactly one of messageSignature and dsseEnvelope");
  }

  /** camelCase keys to snake_case, int64 strings to numbers, base64 to unpadded URL-safe. */
  private static JsonNode respell(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        // the managed-key hint is an opaque string, not bytes
        out.set(key, e.getKey().equals("hint") ? e.getValue() : respell(e.getValue()));
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      n.forEach(e -> out.add(respell(e)));
      return out;
    }
    if (n.isTextual()) {
      String s = n.textValue();
      if (s.matches("[0-9]{1,18}")) {
        return JsonNodeFactory.instance.numberNode(Long.parseLong(s));
      }
      if (s.length() >= 40 && s.matches("[A-Za-z0-9+/]+=*")) {
        byte[] raw = Base64.getDecoder().decode(s);
        return JsonNodeFactory.instance.textNode(
            Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
      }
    }
    return n;
  }
}
