package dev.hallmark.tlog.rekorv2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.json.Jcs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * Validates Rekor v2 {@code CreateEntryRequest}s and builds the canonical entry bodies, as
 * rekor-tiles does: {@code hashedRekordRequestV002} and the deprecated (still sent by clients)
 * {@code dsseRequestV002}. Stateless and thread-safe.
 */
public final class RekorV2Entries {
  public static final String SUPPORTED = "hashedRekordRequestV002, dsseRequestV002";
  private final ObjectMapper mapper;

  public RekorV2Entries(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Parses, validates (signatures verify) and canonicalizes one request body. */
  public ProposedEntry parse(byte[] requestBody) throws InvalidEntryException {
    JsonNode root;
    try {
      root = mapper.readTree(requestBody);
    } catch (JsonProcessingException e) {
      throw new InvalidEntryException("request body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new InvalidEntryException("request body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidEntryException("request body must be a JSON object");
    }
    JsonNode hashed =
        ProtoJson.field(root, "hashedRekordRequestV002", "hashed_rekord_request_v002");
    JsonNode dsse = ProtoJson.field(root, "dsseRequestV002", "dsse_request_v002");
    int kinds = 0;
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!root.get(name).isNull()) {
        kinds++;
      }
    }
    if (kinds != 1 || (hashed == null && dsse == null)) {
      throw new InvalidEntryException(
          "request must hold exactly one entry kind; supported: " + SUPPORTED);
    }
    return hashed != null ? hashedRekord(hashed) : dsse(dsse);
  }

  private ProposedEntry hashedRekord(JsonNode request) throws InvalidEntryException {
    if (!request.isObject()) {
      throw new InvalidEntryException("hashedRekordRequestV002 must be an object");
    }
    byte[] digest = ProtoJson.bytes(request, "digest", "digest", "digest");
    JsonNode signature = ProtoJson.object(request, "signature", "signature", "signature");
    byte[] content = ProtoJson.bytes(signature, "content", "content", "signature.content");
    VerifierSpec verifier =
        VerifierSpec.parse(
            ProtoJson.field(signature, "verifier", "verifier"), "signature.verifier");
    HashAlgorithm algorithm = verifier.details().hashAlgorithm();
    if (digest.length != algorithm.length()) {
      throw new InvalidEntryException(
          "digest is "
              + digest.length
              + " bytes; "
              + verifier.details()
              + " signs a "
              + algorithm
              + " digest of "
              + algorithm.length()
              + " bytes");
    }
    try {
      verifier.verifier().verifyDigest(digest, content);
    } catch (SignatureCheckException e) {
      throw new InvalidEntryException("signature does not verify: " + e.getMessage(), e);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", "0.0.2");
    body.put("kind", "hashedrekord");
    ObjectNode spec = body.putObject("spec").putObject("hashedRekordV002");
    spec.putObject("data")
        .put("algorithm", algorithm.name())
        .put("digest", Base64.getEncoder().encodeToString(digest));
    ObjectNode sig = spec.putObject("signature");
    sig.put("content", Base64.getEncoder().encodeToString(content));
    sig.set("verifier", verifier.toJson());
    return new ProposedEntry("hashedrekord", "0.0.2", Jcs.canonicalize(body));
  }

  private ProposedEntry dsse(JsonNode request) throws InvalidEntryException {
    if (!request.isObject()) {
      throw new InvalidEntryException("dsseRequestV002 must be an object");
    }
    JsonNode envelope = ProtoJson.object(request, "envelope", "envelope", "envelope");
    byte[] payload = ProtoJson.bytes(envelope, "payload", "payload", "envelope.payload");
    String payloadType =
        ProtoJson.string(envelope, "payloadType", "payload_type", "envelope.payloadType");
    JsonNode signatures = ProtoJson.field(envelope, "signatures", "signatures");
    if (signatures == null || !signatures.isArray() || signatures.isEmpty()) {
      throw new InvalidEntryException("envelope.signatures must be a non-empty list");
    }
    JsonNode verifierNodes = ProtoJson.field(request, "verifiers", "verifiers");
    if (verifierNodes == null || !verifierNodes.isArray() || verifierNodes.isEmpty()) {
      throw new InvalidEntryException("verifiers must be a non-empty list");
    }
    List<VerifierSpec> verifiers = new ArrayList<>();
    for (int i = 0; i < verifierNodes.size(); i++) {
      verifiers.add(VerifierSpec.parse(verifierNodes.get(i), "verifiers[" + i + "]"));
    }
    byte[] pae = pae(payloadType, payload);
    boolean[] used = new boolean[verifiers.size()];
    List<byte[][]> matched = new ArrayList<>();
    List<VerifierSpec> matchedVerifier = new ArrayList<>();
    for (int i = 0; i < signatures.size(); i++) {
      byte[] sig =
          ProtoJson.bytes(signatures.get(i), "sig", "sig", "envelope.signatures[" + i + "].sig");
      int found = -1;
      for (int v = 0; v < verifiers.size() && found < 0; v++) {
        try {
          verifiers.get(v).verifier().verify(pae, sig);
          found = v;
        } catch (SignatureCheckException e) {
          // try the next verifier
        }
      }
      if (found < 0) {
        throw new InvalidEntryException(
            "envelope.signatures[" + i + "] does not verify with any of the verifiers");
      }
      used[found] = true;
      matched.add(new byte[][] {sig});
      matchedVerifier.add(verifiers.get(found));
    }
    for (int v = 0; v < used.length; v++) {
      if (!used[v]) {
        throw new InvalidEntryException("verifiers[" + v + "] verifies none of the signatures");
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < matched.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Arrays.compareUnsigned(matched.get(a)[0], matched.get(b)[0]));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", "0.0.2");
    body.put("kind", "dsse");
    ObjectNode spec = body.putObject("spec").putObject("dsseV002");
    spec.putObject("payloadHash")
        .put("algorithm", HashAlgorithm.SHA2_256.name())
        .put("digest", Base64.getEncoder().encodeToString(HashAlgorithm.SHA2_256.digest(payload)));
    ArrayNode sigs = spec.putArray("signatures");
    for (int i : order) {
      ObjectNode s = sigs.addObject();
      s.put("content", Base64.getEncoder().encodeToString(matched.get(i)[0]));
      s.set("verifier", matchedVerifier.get(i).toJson());
    }
    return new ProposedEntry("dsse", "0.0.2", Jcs.canonicalize(body));
  }

  /** DSSE v1 pre-authentication encoding. */
  static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
            .getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(head, head.length + payload.length);
    System.arraycopy(payload, 0, out, head.length, payload.length);
    return out;
  }
}
