package dev.hallmark.tlog.rekorv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.json.Jcs;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code hashedrekord} 0.0.1 kind: a signature over an artifact digest, with the key or
 * certificate that made it. The server verifies the signature over the digest and stores only
 * {@code data.hash}, {@code signature.content} and {@code signature.publicKey.content}, the key
 * re-encoded as Go-style PEM.
 */
final class HashedRekordV001 {
  static final String KIND = "hashedrekord";
  static final String VERSION = "0.0.1";

  private HashedRekordV001() {}

  /** Validates {@code spec} and builds the entry. */
  static V1Entry parse(JsonNode spec) throws InvalidEntryException {
    JsonNode hash =
        Fields.object(Fields.object(spec, "data", "spec.data"), "hash", "spec.data.hash");
    String algorithmName = Fields.string(hash, "algorithm", "spec.data.hash.algorithm");
    HashAlgorithm algorithm = Digests.byName(algorithmName, "spec.data.hash.algorithm");
    String hex =
        Fields.hex(
            Fields.string(hash, "value", "spec.data.hash.value"),
            algorithm.length(),
            "spec.data.hash.value");
    JsonNode signature = Fields.object(spec, "signature", "spec.signature");
    byte[] content = Fields.base64(signature, "content", "spec.signature.content");
    JsonNode publicKey = Fields.object(signature, "publicKey", "spec.signature.publicKey");
    KeyMaterial key =
        KeyMaterial.fromBase64Pem(
            Fields.nonEmptyString(publicKey, "content", "spec.signature.publicKey.content"),
            "spec.signature.publicKey.content");
    verify(key, algorithm, HexFormat.of().parseHex(hex), content);

    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", VERSION);
    body.put("kind", KIND);
    ObjectNode specOut = body.putObject("spec");
    specOut.putObject("data").putObject("hash").put("algorithm", algorithmName).put("value", hex);
    ObjectNode sigOut = specOut.putObject("signature");
    sigOut.put("content", Base64.getEncoder().encodeToString(content));
    sigOut.putObject("publicKey").put("content", key.canonicalPemBase64());

    Set<String> keys = new LinkedHashSet<>();
    keys.add(SearchKeys.artifactHash(algorithmName, hex));
    keys.addAll(key.searchKeys());
    return new V1Entry(KIND, VERSION, Jcs.canonicalize(body), List.copyOf(keys));
  }

  /**
   * Verifies {@code signature} over {@code digest} as Rekor does: ECDSA with any of the three
   * digests (the digest is converted to an integer as ECDSA specifies, so a P-256 key may sign a
   * SHA-384 digest), RSA PKCS#1 v1.5 over a SHA-256 digest; Ed25519 cannot sign a digest.
   */
  private static void verify(
      KeyMaterial key, HashAlgorithm algorithm, byte[] digest, byte[] signature)
      throws InvalidEntryException {
    byte[] message = digest;
    if (key.details().isEd25519()) {
      throw new InvalidEntryException(
          "spec.signature.publicKey.content: Ed25519 keys sign the message itself, so a"
              + " hashedrekord signature over a digest cannot be verified; use an ECDSA or RSA"
              + " key");
    } else if (key.details().isEcdsa()) {
      message = ecdsaDigest(digest, key.details().hashAlgorithm().length());
    } else if (algorithm != key.details().hashAlgorithm()) {
      throw new InvalidEntryException(
          "spec.data.hash.algorithm: "
              + key.details()
              + " keys are supported with "
              + Digests.SHA256
              + " digests only");
    }
    try {
      key.verifier().verifyDigest(message, signature);
    } catch (SignatureCheckException e) {
      throw new InvalidEntryException(
          "spec.signature.content does not verify over spec.data.hash with the given key: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Resizes a digest to {@code length} bytes without changing the integer ECDSA derives from it: a
   * longer digest keeps its leftmost bytes (ECDSA keeps the leftmost bits of the curve order's
   * size; every supported curve's order has whole bytes up to that length or more), a shorter one
   * is padded with leading zeros.
   */
  static byte[] ecdsaDigest(byte[] digest, int length) {
    if (digest.length >= length) {
      return Arrays.copyOf(digest, length);
    }
    byte[] out = new byte[length];
    System.arraycopy(digest, 0, out, length - digest.length, digest.length);
    return out;
  }
}
