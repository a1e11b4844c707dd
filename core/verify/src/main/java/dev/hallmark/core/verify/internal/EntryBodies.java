package dev.hallmark.core.verify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.bundle.TlogEntry;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.verify.VerificationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a log entry's canonical body records this bundle: same signature, same signer
 * certificate or key, and the same artifact digest (message signatures) or payload hash (DSSE).
 * Kinds: hashedrekord 0.0.1 and 0.0.2 (for DSSE: the digest of the PAE), dsse 0.0.1 and 0.0.2,
 * intoto 0.0.2.
 */
public final class EntryBodies {
  private final ObjectMapper mapper;

  /** Reads bodies with {@code mapper}. */
  public EntryBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Verifies that {@code e}'s body matches {@code content}. */
  public void check(TlogEntry e, SignedContent content, String where) throws VerificationException {
    JsonNode body;
    try {
      body = mapper.readTree(e.canonicalizedBody().toArray());
    } catch (IOException ex) {
      throw new VerificationException("log entry body: " + where + " body is not JSON", ex);
    }
    if (body == null || !body.isObject()) {
      throw new VerificationException("log entry body: " + where + " body is not a JSON object");
    }
    String kind = body.path("kind").asText("");
    String version = body.path("apiVersion").asText("");
    if (!kind.equals(e.kind()) || !version.equals(e.version())) {
      throw new VerificationException(
          "log entry body: "
              + where
              + " kindVersion says "
              + e.kind()
              + " "
              + e.version()
              + " but the body is "
              + kind
              + " "
              + version);
    }
    Body b = new Body(body.path("spec"), where);
    switch (kind + " " + version) {
      case "hashedrekord 0.0.1":
        hashedRekordV001(b, content);
        break;
      case "hashedrekord 0.0.2":
        hashedRekordV002(b.at("hashedRekordV002"), content);
        break;
      case "dsse 0.0.1":
        dsseV001(b, content);
        break;
      case "dsse 0.0.2":
        dsseV002(b.at("dsseV002"), content);
        break;
      case "intoto 0.0.2":
        intotoV002(b.at("content"), content);
        break;
      default:
        throw new VerificationException(
            "log entry body: " + where + " has unsupported kind " + kind + " " + version);
    }
  }

  private static void hashedRekordV001(Body spec, SignedContent c) throws VerificationException {
    if (c.message() == null) {
      throw spec.fail("is a hashedrekord 0.0.1 entry, but the bundle holds a DSSE envelope");
    }
    Body hash = spec.at("data").at("hash");
    HashAlgorithm alg = rekorV1Hash(hash.text("algorithm"), hash);
    byte[] logged = hash.hex("value");
    if (!Arrays.equals(logged, c.artifactDigest(alg, spec.where))) {
      throw spec.fail("records a different artifact digest than the artifact's");
    }
    Body sig = spec.at("signature");
    if (!c.sameSignature(sig.base64("content"))) {
      throw spec.fail("records a different signature than the bundle's");
    }
    checkPem(sig.at("publicKey").base64("content"), c, spec);
  }

  private static void hashedRekordV002(Body spec, SignedContent c) throws VerificationException {
    Body data = spec.at("data");
    HashAlgorithm alg = protoHash(data.text("algorithm"), data);
    byte[] logged = data.base64("digest");
    byte[] expected =
        c.message() != null ? c.artifactDigest(alg, spec.where) : alg.digest(c.dsse().pae());
    if (!Arrays.equals(logged, expected)) {
      throw spec.fail(
          c.message() != null
              ? "records a different artifact digest than the artifact's"
              : "records a different digest than the DSSE envelope's PAE");
    }
    Body sig = spec.at("signature");
    if (!c.sameSignature(sig.base64("content"))) {
      throw spec.fail("records a different signature than the bundle's");
    }
    checkVerifier(sig.at("verifier"), c, spec);
  }

  private static void dsseV001(Body spec, SignedContent c) throws VerificationException {
    if (c.dsse() == null) {
      throw spec.fail("is a dsse entry, but the bundle holds a message signature");
    }
    Body ph = spec.at("payloadHash");
    HashAlgorithm alg = rekorV1Hash(ph.text("algorithm"), ph);
    if (!Arrays.equals(ph.hex("value"), alg.digest(c.dsse().payload().toArray()))) {
      throw spec.fail("records a different payload hash than the DSSE envelope's");
    }
    List<Body> sigs = spec.list("signatures");
    if (sigs.size() != 1) {
      throw spec.fail("records " + sigs.size() + " signatures; the bundle's envelope has one");
    }
    if (!c.sameSignature(sigs.get(0).base64("signature"))) {
      throw spec.fail("records a different DSSE signature than the envelope's");
    }
    checkPem(sigs.get(0).base64("verifier"), c, spec);
  }

  private static void dsseV002(Body spec, SignedContent c) throws VerificationException {
    if (c.dsse() == null) {
      throw spec.fail("is a dsse entry, but the bundle holds a message signature");
    }
    Body ph = spec.at("payloadHash");
    HashAlgorithm alg = protoHash(ph.text("algorithm"), ph);
    if (!Arrays.equals(ph.base64("digest"), alg.digest(c.dsse().payload().toArray()))) {
      throw spec.fail("records a different payload hash than the DSSE envelope's");
    }
    List<Body> sigs = spec.list("signatures");
    if (sigs.size() != 1) {
      throw spec.fail("records " + sigs.size() + " signatures; the bundle's envelope has one");
    }
    if (!c.sameSignature(sigs.get(0).base64("content"))) {
      throw spec.fail("records a different DSSE signature than the envelope's");
    }
    checkVerifier(sigs.get(0).at("verifier"), c, spec);
  }

  private static void intotoV002(Body content, SignedContent c) throws VerificationException {
    if (c.dsse() == null) {
      throw content.fail("is an intoto entry, but the bundle holds a message signature");
    }
    Body ph = content.at("payloadHash");
    HashAlgorithm alg = rekorV1Hash(ph.text("algorithm"), ph);
    if (!Arrays.equals(ph.hex("value"), alg.digest(c.dsse().payload().toArray()))) {
      throw content.fail("records a different payload hash than the DSSE envelope's");
    }
    Body env = content.at("envelope");
    if (!env.text("payloadType").equals(c.dsse().payloadType())) {
      throw content.fail("records a different payload type than the DSSE envelope's");
    }
    List<Body> sigs = env.list("signatures");
    if (sigs.size() != 1) {
      throw content.fail("records " + sigs.size() + " signatures; the bundle's envelope has one");
    }
    // intoto 0.0.2 as sigstore-js writes it stores the signature base64-encoded twice; older
    // entries encode it once. Either way the logged bytes must be the envelope's signature.
    byte[] once = sigs.get(0).base64("sig");
    if (!c.sameSignature(once) && !c.sameSignature(base64Text(once))) {
      throw content.fail("records a different DSSE signature than the envelope's");
    }
    checkPem(sigs.get(0).base64("publicKey"), c, content);
  }

  private static byte[] base64Text(byte[] ascii) {
    try {
      return Base64.getDecoder().decode(new String(ascii, StandardCharsets.ISO_8859_1));
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  /** A base64-decoded PEM certificate or public key must be the signer's. */
  private static void checkPem(byte[] pem, SignedContent c, Body where)
      throws VerificationException {
    String text = new String(pem, StandardCharsets.US_ASCII);
    try {
      if (text.contains("-----BEGIN CERTIFICATE-----")) {
        List<byte[]> der = PublicKeys.parsePemBlocks(text, "CERTIFICATE");
        if (c.certificate() == null
            || der.size() != 1
            || !Arrays.equals(der.get(0), c.certificate())) {
          throw where.fail("records a different signing certificate than the bundle's");
        }
        return;
      }
      List<byte[]> der = PublicKeys.parsePemBlocks(text, "PUBLIC KEY");
      if (der.size() != 1 || !Arrays.equals(der.get(0), c.spki())) {
        throw where.fail("records a different public key than the signer's");
      }
    } catch (KeyParseException e) {
      throw new VerificationException(
          "log entry body: " + where.where + " key is not PEM: " + e.getMessage(), e);
    }
  }

  /** A v2 verifier ({@code x509Certificate} or {@code publicKey}) must be the signer's. */
  private static void checkVerifier(Body v, SignedContent c, Body where)
      throws VerificationException {
    if (v.has("x509Certificate")) {
      byte[] der = v.at("x509Certificate").base64("rawBytes");
      if (c.certificate() == null || !Arrays.equals(der, c.certificate())) {
        throw where.fail("records a different signing certificate than the bundle's");
      }
    } else if (v.has("publicKey")) {
      if (!Arrays.equals(v.at("publicKey").base64("rawBytes"), c.spki())) {
        throw where.fail("records a different public key than the signer's");
      }
    } else {
      throw where.fail("has no verifier certificate or key");
    }
  }

  private static HashAlgorithm rekorV1Hash(String name, Body where) throws VerificationException {
    switch (name) {
      case "sha256":
        return HashAlgorithm.SHA2_256;
      case "sha384":
        return HashAlgorithm.SHA2_384;
      case "sha512":
        return HashAlgorithm.SHA2_512;
      default:
        throw where.fail("has unsupported hash algorithm \"" + name + "\"");
    }
  }

  private static HashAlgorithm protoHash(String name, Body where) throws VerificationException {
    for (HashAlgorithm a : HashAlgorithm.values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw where.fail("has unsupported hash algorithm \"" + name + "\"");
  }

  /** A JSON node with the entry name for messages. */
  private static final class Body {
    final JsonNode node;
    final String where;

    Body(JsonNode node, String where) {
      this.node = node;
      this.where = where;
    }

    VerificationException fail(String what) {
      return new VerificationException("log entry body: " + where + " " + what);
    }

    boolean has(String field) {
      return node.hasNonNull(field);
    }

    Body at(String field) throws VerificationException {
      JsonNode n = node.get(field);
      if (n == null || !n.isObject()) {
        throw fail("lacks the object " + field);
      }
      return new Body(n, where);
    }

    List<Body> list(String field) throws VerificationException {
      JsonNode n = node.get(field);
      if (n == null || !n.isArray()) {
        throw fail("lacks the list " + field);
      }
      List<Body> out = new java.util.ArrayList<>();
      for (JsonNode e : n) {
        out.add(new Body(e, where));
      }
      return out;
    }

    String text(String field) throws VerificationException {
      JsonNode n = node.get(field);
      if (n == null || !n.isTextual()) {
        throw fail("lacks the string " + field);
      }
      return n.textValue();
    }

    byte[] base64(String field) throws VerificationException {
      return decode(text(field), this, field);
    }

    byte[] hex(String field) throws VerificationException {
      try {
        return HexFormat.of().parseHex(text(field).toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw fail("field " + field + " is not hex");
      }
    }

    static byte[] decode(String b64, Body where, String field) throws VerificationException {
      try {
        return Base64.getDecoder().decode(b64);
      } catch (IllegalArgumentException e) {
        throw where.fail("field " + field + " is not base64");
      }
    }
  }
}
