package dev.hallmark.tlog.rekorv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.json.Jcs;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code intoto} 0.0.2 kind, written by sigstore-js ({@code @sigstore/cli attest}, {@code
 * legacyCompatibility}). The envelope's payload and signatures are base64 of the DSSE base64
 * strings (double base64) and each signature carries its key as base64 PEM. Every signature must
 * verify over the PAE with its own key.
 *
 * <p>The stored body is the request content as submitted: the envelope with its payload (the
 * public-good log's leaves keep it, contrary to the wire spec §4.3, which says it is removed) and
 * the keys' PEM text unchanged (sigstore-js wrote unwrapped one-line PEM, and the leaves keep it),
 * only the outer base64 re-encoded in standard form; {@code hash} = SHA-256 of the JCS of the
 * single-base64 envelope with PEM-text keys; {@code payloadHash} = SHA-256 of the payload. A
 * submitted {@code hash} or {@code payloadHash} must equal the recomputed value; both are optional
 * since the server derives them.
 */
final class IntotoV002 {
  static final String KIND = "intoto";
  static final String VERSION = "0.0.2";
  private static final String CONTENT = "spec.content";
  private static final String ENVELOPE = CONTENT + ".envelope";

  private IntotoV002() {}

  /** Validates {@code spec} and builds the entry. */
  static V1Entry parse(JsonNode spec) throws InvalidEntryException {
    JsonNode content = Fields.object(spec, "content", CONTENT);
    JsonNode envelope = Fields.object(content, "envelope", ENVELOPE);
    String payloadType = Fields.nonEmptyString(envelope, "payloadType", ENVELOPE + ".payloadType");
    Inner payload =
        Inner.decode(
            Fields.string(envelope, "payload", ENVELOPE + ".payload"), ENVELOPE + ".payload");
    byte[] pae = Pae.encode(payloadType, payload.bytes());
    JsonNode sigNodes = Fields.nonEmptyArray(envelope, "signatures", ENVELOPE + ".signatures");

    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode hashed = JsonNodeFactory.instance.objectNode();
    hashed.put("payloadType", payloadType).put("payload", payload.text());
    ArrayNode hashedSigs = hashed.putArray("signatures");
    ObjectNode stored = JsonNodeFactory.instance.objectNode();
    stored
        .put("payload", b64.encodeToString(ascii(payload.text())))
        .put("payloadType", payloadType);
    ArrayNode storedSigs = stored.putArray("signatures");
    Set<String> keys = new LinkedHashSet<>();
    List<String> keyKeys = new ArrayList<>();
    for (int i = 0; i < sigNodes.size(); i++) {
      String path = ENVELOPE + ".signatures[" + i + "]";
      JsonNode sigNode = sigNodes.get(i);
      if (!sigNode.isObject()) {
        throw new InvalidEntryException(path + " must be a JSON object");
      }
      Inner sig = Inner.decode(Fields.nonEmptyString(sigNode, "sig", path + ".sig"), path + ".sig");
      String pem = pemText(Fields.nonEmptyString(sigNode, "publicKey", path + ".publicKey"), path);
      KeyMaterial key = KeyMaterial.fromPem(pem, path + ".publicKey");
      String keyid = Fields.optionalString(sigNode, "keyid", path + ".keyid");
      try {
        key.verifier().verify(pae, sig.bytes());
      } catch (SignatureCheckException e) {
        throw new InvalidEntryException(
            path + ".sig does not verify over the DSSE PAE with " + path + ".publicKey", e);
      }
      ObjectNode h = hashedSigs.addObject();
      ObjectNode st = storedSigs.addObject();
      if (keyid != null && !keyid.isEmpty()) {
        h.put("keyid", keyid);
        st.put("keyid", keyid);
      }
      h.put("publicKey", pem).put("sig", sig.text());
      st.put("publicKey", b64.encodeToString(ascii(pem)))
          .put("sig", b64.encodeToString(ascii(sig.text())));
      keyKeys.addAll(key.searchKeys());
    }
    String hash = Digests.sha256Hex(Jcs.canonicalize(hashed));
    String payloadHash = Digests.sha256Hex(payload.bytes());
    checkOptional(content, "hash", hash);
    checkOptional(content, "payloadHash", payloadHash);

    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", VERSION);
    body.put("kind", KIND);
    ObjectNode contentOut = body.putObject("spec").putObject("content");
    contentOut.set("envelope", stored);
    contentOut.putObject("hash").put("algorithm", Digests.SHA256).put("value", hash);
    contentOut.putObject("payloadHash").put("algorithm", Digests.SHA256).put("value", payloadHash);
    keys.add(SearchKeys.artifactHash(Digests.SHA256, payloadHash));
    keys.add(SearchKeys.artifactHash(Digests.SHA256, hash));
    keys.addAll(keyKeys);
    return new V1Entry(KIND, VERSION, Jcs.canonicalize(body), List.copyOf(keys));
  }

  /** The PEM text inside a base64 {@code publicKey}; it must be ASCII. */
  private static String pemText(String base64, String path) throws InvalidEntryException {
    byte[] pem = Fields.decodeBase64(base64, path + ".publicKey");
    for (byte b : pem) {
      if (b < 0) {
        throw new InvalidEntryException(path + ".publicKey must be base64 of ASCII PEM text");
      }
    }
    return new String(pem, StandardCharsets.US_ASCII);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A double-base64 field: {@code text} is the inner base64 string exactly as the client wrote it
   * (kept verbatim, since the client hashes it), {@code bytes} its decoded value.
   */
  private record Inner(String text, byte[] bytes) {
    static Inner decode(String outer, String path) throws InvalidEntryException {
      byte[] inner = Fields.decodeBase64(outer, path);
      for (byte b : inner) {
        if (b < 0) {
          throw new InvalidEntryException(path + " (inner base64) is not valid base64");
        }
      }
      String text = new String(inner, StandardCharsets.US_ASCII);
      return new Inner(text, Fields.decodeBase64(text, path + " (inner base64)"));
    }
  }

  /** A submitted digest is optional; when present it must be SHA-256 and equal the computed one. */
  private static void checkOptional(JsonNode content, String name, String computed)
      throws InvalidEntryException {
    JsonNode submitted = content.get(name);
    if (submitted == null || submitted.isNull()) {
      return;
    }
    String path = CONTENT + "." + name;
    if (!submitted.isObject()) {
      throw new InvalidEntryException(path + " must be a JSON object");
    }
    String algorithm = Fields.string(submitted, "algorithm", path + ".algorithm");
    if (!Digests.SHA256.equals(algorithm)) {
      throw new InvalidEntryException(
          path + ".algorithm must be sha256, got \"" + Fields.abbreviate(algorithm) + "\"");
    }
    String value =
        Fields.hex(Fields.string(submitted, "value", path + ".value"), 32, path + ".value");
    if (!value.equals(computed)) {
      throw new InvalidEntryException(
          path
              + ".value "
              + value
              + " does not match the value computed from the envelope, "
              + computed);
    }
  }
}
