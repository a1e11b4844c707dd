package dev.hallmark.tlog.rekorv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import java.util.Base64;

/**
 * A {@code dev.sigstore.rekor.v2.Verifier}: a public key or X.509 certificate plus the key details,
 * parsed and checked, ready to verify signatures.
 */
record VerifierSpec(
    boolean certificate, byte[] rawBytes, KeyDetails details, SignatureVerifier verifier) {

  static VerifierSpec parse(JsonNode node, String path) throws InvalidEntryException {
    if (node == null || !node.isObject()) {
      throw new InvalidEntryException(path + " is required");
    }
    JsonNode cert = ProtoJson.field(node, "x509Certificate", "x509_certificate");
    JsonNode key = ProtoJson.field(node, "publicKey", "public_key");
    if ((cert == null) == (key == null)) {
      throw new InvalidEntryException(
          path + " must hold exactly one of x509Certificate and publicKey");
    }
    String detailsName = ProtoJson.string(node, "keyDetails", "key_details", path + ".keyDetails");
    KeyDetails details;
    try {
      details = KeyDetails.parse(detailsName);
    } catch (UnsupportedKeyException e) {
      throw new InvalidEntryException(path + ".keyDetails: " + e.getMessage(), e);
    }
    boolean isCert = cert != null;
    byte[] raw =
        ProtoJson.bytes(
            isCert ? cert : key,
            "rawBytes",
            "raw_bytes",
            path + (isCert ? ".x509Certificate.rawBytes" : ".publicKey.rawBytes"));
    try {
      byte[] spki = isCert ? PublicKeys.certificateSpki(raw) : raw;
      return new VerifierSpec(isCert, raw, details, Verifiers.fromSpki(spki, details));
    } catch (KeyParseException e) {
      throw new InvalidEntryException(
          path
              + (isCert ? ": certificate does not parse: " : ": public key does not parse: ")
              + e.getMessage(),
          e);
    } catch (UnsupportedKeyException e) {
      throw new InvalidEntryException(path + ": " + e.getMessage(), e);
    }
  }

  /** The verifier as the canonical body holds it. */
  ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("keyDetails", details.name());
    out.putObject(certificate ? "x509Certificate" : "publicKey")
        .put("rawBytes", Base64.getEncoder().encodeToString(rawBytes));
    return out;
  }
}
