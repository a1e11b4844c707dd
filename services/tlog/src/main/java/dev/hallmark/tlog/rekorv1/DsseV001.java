package dev.hallmark.tlog.rekorv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.json.Jcs;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code dsse} 0.0.1 kind. The request carries the DSSE envelope as a JSON string plus the
 * verifiers (base64 PEM keys or certificates); every envelope signature must verify over the PAE
 * with one of them. The stored form keeps the envelope's SHA-256 (over the string's bytes exactly
 * as submitted), the payload's SHA-256, and each signature with the verifier that verified it,
 * sorted by the signature string.
 */
final class DsseV001 {
  static final String KIND = "dsse";
  static final String VERSION = "0.0.1";
  private static final String ENVELOPE = "spec.proposedContent.envelope";

  private final ObjectReader reader;

  /** {@code reader} parses the envelope string; it should reject trailing tokens. */
  DsseV001(ObjectReader reader) {
    this.reader = reader;
  }

  /** Validates {@code spec} and builds the entry. */
  V1Entry parse(JsonNode spec) throws InvalidEntryException {
    JsonNode proposed = Fields.object(spec, "proposedContent", "spec.proposedContent");
    String envelopeText = Fields.nonEmptyString(proposed, "envelope", ENVELOPE);
    JsonNode verifierNodes =
        Fields.nonEmptyArray(proposed, "verifiers", "spec.proposedContent.verifiers");
    List<KeyMaterial> verifiers = new ArrayList<>();
    for (int i = 0; i < verifierNodes.size(); i++) {
      String path = "spec.proposedContent.verifiers[" + i + "]";
      JsonNode node = verifierNodes.get(i);
      if (!node.isTextual() || node.textValue().isEmpty()) {
        throw new InvalidEntryException(path + " must be a non-empty string (base64 of PEM)");
      }
      verifiers.add(KeyMaterial.fromBase64Pem(node.textValue(), path));
    }

    JsonNode envelope = readEnvelope(envelopeText);
    String payloadType = Fields.nonEmptyString(envelope, "payloadType", ENVELOPE + ".payloadType");
    String payloadText = Fields.string(envelope, "payload", ENVELOPE + ".payload");
    byte[] payload = Fields.decodeBase64(payloadText, ENVELOPE + ".payload");
    byte[] pae = Pae.encode(payloadType, payload);
    JsonNode sigNodes = Fields.nonEmptyArray(envelope, "signatures", ENVELOPE + ".signatures");

    List<Signed> signed = new ArrayList<>();
    for (int i = 0; i < sigNodes.size(); i++) {
      String path = ENVELOPE + ".signatures[" + i + "]";
      JsonNode sigNode = sigNodes.get(i);
      if (!sigNode.isObject()) {
        throw new InvalidEntryException(path + " must be a JSON object");
      }
      String sigText = Fields.nonEmptyString(sigNode, "sig", path + ".sig");
      signed.add(new Signed(sigText, verifiedBy(verifiers, pae, sigText, path)));
    }
    signed.sort(Comparator.comparing(Signed::signature));

    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", VERSION);
    body.put("kind", KIND);
    ObjectNode specOut = body.putObject("spec");
    String envelopeHash = Digests.sha256Hex(envelopeText.getBytes(StandardCharsets.UTF_8));
    String payloadHash = Digests.sha256Hex(payload);
    specOut.putObject("envelopeHash").put("algorithm", Digests.SHA256).put("value", envelopeHash);
    specOut.putObject("payloadHash").put("algorithm", Digests.SHA256).put("value", payloadHash);
    ArrayNode sigsOut = specOut.putArray("signatures");
    Set<String> keys = new LinkedHashSet<>();
    keys.add(SearchKeys.artifactHash(Digests.SHA256, payloadHash));
    keys.add(SearchKeys.artifactHash(Digests.SHA256, envelopeHash));
    for (Signed s : signed) {
      sigsOut
          .addObject()
          .put("signature", s.signature())
          .put("verifier", s.verifier().canonicalPemBase64());
      keys.addAll(s.verifier().searchKeys());
    }
    return new V1Entry(KIND, VERSION, Jcs.canonicalize(body), List.copyOf(keys));
  }

  private JsonNode readEnvelope(String text) throws InvalidEntryException {
    JsonNode envelope;
    try {
      envelope = reader.readTree(text);
    } catch (IOException e) {
      throw new InvalidEntryException(ENVELOPE + " is not valid JSON");
    }
    if (envelope == null || !envelope.isObject()) {
      throw new InvalidEntryException(ENVELOPE + " must be a JSON object (a DSSE envelope)");
    }
    return envelope;
  }

  private static KeyMaterial verifiedBy(
      List<KeyMaterial> verifiers, byte[] pae, String sigText, String path)
      throws InvalidEntryException {
    byte[] sig = Fields.decodeBase64(sigText, path + ".sig");
    for (KeyMaterial verifier : verifiers) {
      try {
        verifier.verifier().verify(pae, sig);
        return verifier;
      } catch (SignatureCheckException e) {
        // try the next verifier
      }
    }
    throw new InvalidEntryException(
        path + " does not verify over the DSSE PAE with any of spec.proposedContent.verifiers");
  }

  /** One envelope signature (as its base64 text in the envelope) and the key that verified it. */
  private record Signed(String signature, KeyMaterial verifier) {}
}
