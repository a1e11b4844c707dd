package dev.hallmark.tlog.rekorv1;

import static dev.hallmark.tlog.rekorv1.Requests.B64;
import static dev.hallmark.tlog.rekorv1.Requests.MAPPER;
import static dev.hallmark.tlog.rekorv1.Requests.b64;
import static dev.hallmark.tlog.rekorv1.Requests.bytes;
import static dev.hallmark.tlog.rekorv1.Requests.certPem;
import static dev.hallmark.tlog.rekorv1.Requests.certificate;
import static dev.hallmark.tlog.rekorv1.Requests.envelope;
import static dev.hallmark.tlog.rekorv1.Requests.keyPem;
import static dev.hallmark.tlog.rekorv1.Requests.sha256Hex;
import static dev.hallmark.tlog.rekorv1.Requests.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsseAndIntotoTest {
  private static final KeyDetails P256 = KeyDetails.PKIX_ECDSA_P256_SHA_256;
  private static final KeyDetails ED = KeyDetails.PKIX_ED25519;
  private static final KeyDetails RSA = KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256;
  private static final byte[] PAYLOAD = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
  private final RekorV1Entries entries = new RekorV1Entries(MAPPER);

  @Test
  void dsseStoresHashesAndSignaturesWithTheirVerifiers() throws Exception {
    ObjectNode request = Requests.dsse();
    String envelope = request.path("spec").path("proposedContent").path("envelope").asText();
    JsonNode env = MAPPER.readTree(envelope);
    V1Entry entry = entries.parse(bytes(request));
    String payloadHash =
        sha256Hex(java.util.Base64.getDecoder().decode(env.path("payload").asText()));
    String envelopeHash = sha256Hex(envelope.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(entry.canonicalBody(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"apiVersion\":\"0.0.1\",\"kind\":\"dsse\",\"spec\":{\"envelopeHash\":{\"algorithm\":"
                + "\"sha256\",\"value\":\""
                + envelopeHash
                + "\"},\"payloadHash\":{\"algorithm\":\"sha256\",\"value\":\""
                + payloadHash
                + "\"},\"signatures\":[{\"signature\":\""
                + env.path("signatures").path(0).path("sig").asText()
                + "\",\"verifier\":\""
                + b64(certPem())
                + "\"}]}}");
    assertThat(entry.searchKeys())
        .containsExactly(
            "sha256:" + payloadHash,
            "sha256:" + envelopeHash,
            SearchKeys.publicKey(certificate().getPublicKey()),
            SearchKeys.certificate(certificate()),
            "email:alice@example.com",
            "uri:" + Requests.URI);
  }

  @Test
  void dsseSignaturesAreSortedAndEachMatchedToItsVerifier() throws Exception {
    String envelope = envelope("text/plain", PAYLOAD, signer(RSA), signer(ED), signer(P256));
    V1Entry entry =
        entries.parse(bytes(Requests.dsse(envelope, keyPem(P256), keyPem(ED), keyPem(RSA))));
    JsonNode sigs = MAPPER.readTree(entry.canonicalBody()).path("spec").path("signatures");
    List<String> order = new ArrayList<>();
    for (JsonNode s : sigs) {
      order.add(s.path("signature").asText());
      int length = s.path("signature").asText().length();
      KeyDetails signer = length == 88 ? ED : length > 300 ? RSA : P256;
      assertThat(s.path("verifier").asText()).isEqualTo(b64(keyPem(signer)));
    }
    assertThat(order).hasSize(3).isSorted();
  }

  @Test
  void dsseRejectsASignatureNoVerifierMade() {
    String envelope = envelope("text/plain", PAYLOAD, signer(P256), signer(ED));
    assertThatThrownBy(() -> entries.parse(bytes(Requests.dsse(envelope, keyPem(P256)))))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("spec.proposedContent.envelope.signatures[1] does not verify");
  }

  @Test
  void dsseEnvelopeMustBeAnEnvelope() {
    for (String bad : new String[] {"not json", "[]", "{} {}", "{\"payloadType\":\"x\"}"}) {
      assertThatThrownBy(() -> entries.parse(bytes(Requests.dsse(bad, keyPem(P256)))))
          .isInstanceOf(InvalidEntryException.class)
          .hasMessageContaining("spec.proposedContent.envelope");
    }
  }

  @Test
  void intotoStoresTheEnvelopeWithPayloadAndTheDerivedHashes() throws Exception {
    ObjectNode request = Requests.intoto("");
    V1Entry entry = entries.parse(bytes(request));
    assertThat(MAPPER.readTree(entry.canonicalBody()).path("spec")).isEqualTo(request.path("spec"));
    String hash = request.path("spec").path("content").path("hash").path("value").asText();
    String payloadHash =
        request.path("spec").path("content").path("payloadHash").path("value").asText();
    assertThat(entry.searchKeys())
        .startsWith("sha256:" + payloadHash, "sha256:" + hash)
        .contains(SearchKeys.certificate(certificate()), "email:alice@example.com");

    ObjectNode withoutHashes = request.deepCopy();
    ((ObjectNode) withoutHashes.path("spec").path("content"))
        .remove(List.of("hash", "payloadHash"));
    assertThat(entries.parse(bytes(withoutHashes))).isEqualTo(entry);
  }

  @Test
  void intotoKeepsANonEmptyKeyid() throws Exception {
    ObjectNode request = Requests.intoto("key-1");
    V1Entry entry = entries.parse(bytes(request));
    assertThat(MAPPER.readTree(entry.canonicalBody()).path("spec")).isEqualTo(request.path("spec"));
    assertThat(new String(entry.canonicalBody(), StandardCharsets.UTF_8))
        .contains("\"keyid\":\"key-1\"");
  }

  @Test
  void intotoKeyidWithALoneSurrogateIsHandled() throws Exception {
    ObjectNode request = Requests.intoto("");
    ((ObjectNode) request.at("/spec/content/envelope/signatures/0")).put("keyid", "k\uD800");
    ((ObjectNode) request.at("/spec/content")).remove(List.of("hash"));
    try {
      entries.parse(bytes(request));
    } catch (InvalidEntryException e) {
      assertThat(e).hasMessageContaining("keyid");
    }
    try {
      entries.parse(request);
    } catch (InvalidEntryException e) {
      assertThat(e).hasMessageContaining("keyid");
    }
  }

  @Test
  void intotoChecksTheSubmittedHashes() {
    for (String field : new String[] {"hash", "payloadHash"}) {
      ObjectNode request = Requests.intoto("");
      ((ObjectNode) request.path("spec").path("content").path(field)).put("value", "00".repeat(32));
      assertThatThrownBy(() -> entries.parse(bytes(request)))
          .isInstanceOf(InvalidEntryException.class)
          .hasMessageContaining("spec.content." + field + ".value")
          .hasMessageContaining("does not match");
    }
  }

  @Test
  void intotoRequiresDoubleBase64() {
    ObjectNode request = Requests.intoto("");
    ObjectNode sig =
        (ObjectNode)
            request.path("spec").path("content").path("envelope").path("signatures").path(0);
    byte[] der =
        java.util.Base64.getDecoder()
            .decode(java.util.Base64.getDecoder().decode(sig.path("sig").asText()));
    sig.put("sig", B64.encodeToString(der));
    assertThatThrownBy(() -> entries.parse(bytes(request)))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("spec.content.envelope.signatures[0].sig (inner base64)");
  }

  @Test
  void intotoRejectsASignatureByAnotherKey() {
    ObjectNode request = Requests.intoto("");
    ObjectNode sig =
        (ObjectNode)
            request.path("spec").path("content").path("envelope").path("signatures").path(0);
    sig.put("publicKey", b64(keyPem(KeyDetails.PKIX_ECDSA_P384_SHA_384)));
    assertThatThrownBy(() -> entries.parse(bytes(request)))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("signatures[0].sig does not verify over the DSSE PAE");
  }
}
