package dev.hallmark.tlog.rekorv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.json.Jcs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Rebuilds the Rekor v1 {@code ProposedEntry} a client would have submitted for a Sigstore bundle,
 * as the clients write it (sigstore-java / sigstore-js, spec §4.3). Written independently of the
 * production code: nothing here calls {@code rekorv1} internals.
 */
final class BundleToProposedEntry {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The bundle lacks what a client would have submitted. */
  static final class NotRebuildable extends Exception {
    private static final long serialVersionUID = 1L;

    NotRebuildable(String reason) {
      super(reason);
    }
  }

  private BundleToProposedEntry() {}

  /** Builds the request for the bundle's first tlog entry; {@code caseDir} may hold key.pub. */
  static ObjectNode build(JsonNode bundle, Path caseDir) throws NotRebuildable, IOException {
    JsonNode kindVersion =
        bundle.path("verificationMaterial").path("tlogEntries").path(0).path("kindVersion");
    String kind = kindVersion.path("kind").asText();
    String version = kindVersion.path("version").asText();
    String pem = signerPem(bundle.path("verificationMaterial"), caseDir);
    ObjectNode entry = JSON.objectNode().put("apiVersion", version).put("kind", kind);
    switch (kind + " " + version) {
      case "hashedrekord 0.0.1" -> entry.set("spec", hashedRekord(bundle, pem));
      case "dsse 0.0.1" -> entry.set("spec", dsse(bundle, pem));
      case "intoto 0.0.2" -> entry.set("spec", intoto(bundle, pem));
      default -> throw new NotRebuildable("not a Rekor v1 entry: " + kind + " " + version);
    }
    return entry;
  }

  /**
   * The signer's PEM: the leaf certificate, or for managed keys the case's key.pub (the bundle's
   * publicKey is only a hint, and none of these cases' trusted roots carries keys).
   */
  private static String signerPem(JsonNode material, Path caseDir)
      throws NotRebuildable, IOException {
    if (material.has("certificate")) {
      return certPem(material.path("certificate").path("rawBytes").asText());
    }
    if (material.has("x509CertificateChain")) {
      JsonNode certs = material.path("x509CertificateChain").path("certificates");
      if (certs.isEmpty()) {
        throw new NotRebuildable("x509CertificateChain has no certificates, so no signer");
      }
      return certPem(certs.get(0).path("rawBytes").asText());
    }
    Path keyPub = caseDir.resolve("key.pub");
    if (Files.exists(keyPub)) {
      return Files.readString(keyPub, StandardCharsets.US_ASCII);
    }
    throw new NotRebuildable(
        "managed key: the bundle has only a key hint, the case has no key.pub and uses the"
            + " public-good trusted root, which carries no signing keys");
  }

  private static String certPem(String rawBytesB64) {
    return PublicKeys.pem("CERTIFICATE", Base64.getDecoder().decode(rawBytesB64));
  }

  private static ObjectNode hashedRekord(JsonNode bundle, String pem) {
    JsonNode ms = bundle.path("messageSignature");
    String algorithm =
        switch (ms.path("messageDigest").path("algorithm").asText()) {
          case "SHA2_384" -> "sha384";
          case "SHA2_512" -> "sha512";
          default -> "sha256";
        };
    byte[] digest = Base64.getDecoder().decode(ms.path("messageDigest").path("digest").asText());
    ObjectNode spec = JSON.objectNode();
    spec.putObject("data")
        .putObject("hash")
        .put("algorithm", algorithm)
        .put("value", HexFormat.of().formatHex(digest));
    ObjectNode sig = spec.putObject("signature");
    sig.put("content", ms.path("signature").asText());
    sig.putObject("publicKey").put("content", b64(pem));
    return spec;
  }

  /**
   * The envelope as the client serialized it: compact JSON, members in the order payload,
   * payloadType, signatures and keyid omitted when empty — which for this ASCII content is exactly
   * the JCS of the bundle's envelope without empty keyids. (Verified: it reproduces envelopeHash of
   * happy-path-intoto-in-dsse-v3; Go's field order payloadType-first or a kept empty keyid do not.)
   */
  static String dsseEnvelopeAsSubmitted(JsonNode dsseEnvelope) {
    ObjectNode copy = dsseEnvelope.deepCopy();
    for (JsonNode sig : copy.path("signatures")) {
      if (sig.path("keyid").asText().isEmpty()) {
        ((ObjectNode) sig).remove("keyid");
      }
    }
    return new String(Jcs.canonicalize(copy), StandardCharsets.UTF_8);
  }

  private static ObjectNode dsse(JsonNode bundle, String pem) {
    ObjectNode proposed = JSON.objectNode();
    proposed
        .putObject("proposedContent")
        .put("envelope", dsseEnvelopeAsSubmitted(bundle.path("dsseEnvelope")))
        .putArray("verifiers")
        .add(b64(pem));
    return proposed;
  }

  /**
   * sigstore-js {@code @sigstore/sign} {@code dist/witness/tlog/entry.js}, intoto 0.0.2. The
   * sigstore-js release that wrote these entries encoded the certificate as PEM with the whole
   * base64 body on one line (no 64-character wrapping); the logged leaves keep that text.
   */
  private static ObjectNode intoto(JsonNode bundle, String goStylePem) {
    String pem = oneLinePem(goStylePem);
    JsonNode env = bundle.path("dsseEnvelope");
    ObjectNode envelope = JSON.objectNode();
    envelope.put("payloadType", env.path("payloadType").asText());
    envelope.put("payload", b64(env.path("payload").asText()));
    ObjectNode hashed = JSON.objectNode();
    hashed.put("payloadType", env.path("payloadType").asText());
    hashed.put("payload", env.path("payload").asText());
    ArrayNode sigs = envelope.putArray("signatures");
    ArrayNode hashedSigs = hashed.putArray("signatures");
    for (JsonNode s : env.path("signatures")) {
      ObjectNode sig = sigs.addObject();
      ObjectNode hashedSig = hashedSigs.addObject();
      String keyid = s.path("keyid").asText();
      if (!keyid.isEmpty()) {
        sig.put("keyid", keyid);
        hashedSig.put("keyid", keyid);
      }
      sig.put("sig", b64(s.path("sig").asText())).put("publicKey", b64(pem));
      hashedSig.put("sig", s.path("sig").asText()).put("publicKey", pem);
    }
    byte[] payload = Base64.getDecoder().decode(env.path("payload").asText());
    ObjectNode content = JSON.objectNode();
    content.set("envelope", envelope);
    content
        .putObject("hash")
        .put("algorithm", "sha256")
        .put("value", sha256(Jcs.canonicalize(hashed)));
    content.putObject("payloadHash").put("algorithm", "sha256").put("value", sha256(payload));
    ObjectNode spec = JSON.objectNode();
    spec.set("content", content);
    return spec;
  }

  private static String oneLinePem(String pem) {
    String[] lines = pem.split("\n");
    StringBuilder body = new StringBuilder();
    for (int i = 1; i < lines.length - 1; i++) {
      body.append(lines[i]);
    }
    return lines[0] + "\n" + body + "\n" + lines[lines.length - 1] + "\n";
  }

  private static String b64(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] data) {
    return HexFormat.of().formatHex(HashAlgorithm.SHA2_256.digest(data));
  }
}
