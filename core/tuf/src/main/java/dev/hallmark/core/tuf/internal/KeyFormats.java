package dev.hallmark.core.tuf.internal;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.core.tuf.TufKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The TUF key encodings Sigstore uses, to and from JCA keys and verifiers. */
public final class KeyFormats {
  /** DER prefix of an Ed25519 SubjectPublicKeyInfo before the 32 raw key bytes (RFC 8410). */
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  private static final List<KeyDetails> RSA_PSS =
      List.of(
          KeyDetails.PKIX_RSA_PSS_2048_SHA256,
          KeyDetails.PKIX_RSA_PSS_3072_SHA256,
          KeyDetails.PKIX_RSA_PSS_4096_SHA256);
  private static final List<KeyDetails> RSA_PKCS1 =
      List.of(
          KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256,
          KeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256,
          KeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256);

  private KeyFormats() {}

  /** The Sigstore TUF form of {@code key}. */
  public static TufKey toTufKey(PublicKey key) throws UnsupportedKeyException {
    if (key instanceof ECPublicKey) {
      int bits = ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
      if (bits != 256 && bits != 384) {
        throw new UnsupportedKeyException("TUF ECDSA keys must be P-256 or P-384, got " + bits);
      }
      return new TufKey(
          "ecdsa", "ecdsa-sha2-nistp" + bits, PublicKeys.pem("PUBLIC KEY", key.getEncoded()));
    }
    if (key instanceof RSAPublicKey) {
      return new TufKey("rsa", "rsassa-pss-sha256", PublicKeys.pem("PUBLIC KEY", key.getEncoded()));
    }
    byte[] der = key.getEncoded();
    if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
      if (der.length == 44
          && Arrays.equals(Arrays.copyOf(der, ED25519_SPKI_PREFIX.length), ED25519_SPKI_PREFIX)) {
        return new TufKey(
            "ed25519",
            "ed25519",
            HexFormat.of().formatHex(Arrays.copyOfRange(der, ED25519_SPKI_PREFIX.length, 44)));
      }
    }
    throw new UnsupportedKeyException("no TUF key type for a " + key.getAlgorithm() + " key");
  }

  /** A verifier for {@code key}'s type and scheme. */
  public static SignatureVerifier verifier(TufKey key)
      throws UnsupportedKeyException, KeyParseException {
    String type = key.keyType();
    String scheme = key.scheme();
    if ((type.equals("ecdsa") || type.equals(scheme)) && scheme.startsWith("ecdsa-sha2-nistp")) {
      KeyDetails details;
      if (scheme.equals("ecdsa-sha2-nistp256")) {
        details = KeyDetails.PKIX_ECDSA_P256_SHA_256;
      } else if (scheme.equals("ecdsa-sha2-nistp384")) {
        details = KeyDetails.PKIX_ECDSA_P384_SHA_384;
      } else {
        throw new UnsupportedKeyException("unsupported ECDSA scheme " + scheme);
      }
      return Verifiers.fromSpki(onePem(key.publicValue()), details);
    }
    if (type.equals("ed25519") && scheme.equals("ed25519")) {
      String hex = key.publicValue();
      if (hex.length() != 64 || !Digests.isHex(hex)) {
        throw new KeyParseException("ed25519 keyval.public must be 64 hex digits");
      }
      byte[] raw = HexFormat.of().parseHex(hex);
      byte[] der = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
      System.arraycopy(raw, 0, der, ED25519_SPKI_PREFIX.length, 32);
      return Verifiers.fromSpki(der, KeyDetails.PKIX_ED25519);
    }
    if (type.equals("rsa")) {
      List<KeyDetails> candidates;
      if (scheme.equals("rsassa-pss-sha256")) {
        candidates = RSA_PSS;
      } else if (scheme.equals("rsa-pkcs1v15-sha256")) {
        candidates = RSA_PKCS1;
      } else {
        throw new UnsupportedKeyException("unsupported RSA scheme " + scheme);
      }
      byte[] der = onePem(key.publicValue());
      UnsupportedKeyException last = null;
      for (KeyDetails d : candidates) {
        try {
          return Verifiers.fromSpki(der, d);
        } catch (UnsupportedKeyException e) {
          last = e;
        }
      }
      throw last;
    }
    throw new UnsupportedKeyException("unsupported TUF key type " + type + " / scheme " + scheme);
  }

  private static byte[] onePem(String pem) throws KeyParseException {
    List<byte[]> blocks = PublicKeys.parsePemBlocks(pem, "PUBLIC KEY");
    if (blocks.size() != 1) {
      throw new KeyParseException("keyval.public must hold one PEM PUBLIC KEY block");
    }
    return blocks.get(0);
  }
}
