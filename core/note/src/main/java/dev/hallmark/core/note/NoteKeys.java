package dev.hallmark.core.note;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.core.note.internal.CryptoNoteSigner;
import dev.hallmark.core.note.internal.CryptoNoteVerifier;
import dev.hallmark.core.note.internal.KeyHashes;
import dev.hallmark.core.note.internal.NoteSyntax;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signed-note signers and verifiers with the key-ID rules of C2SP and rekor-tiles ({@code
 * pkg/note/note.go}):
 *
 * <ul>
 *   <li>Ed25519: key hash SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key), signature over the text;
 *   <li>ECDSA (P-256): key hash SHA-256(DER SPKI), DER signature over SHA-256(text);
 *   <li>RSA: key hash SHA-256(name ‖ 0x0A ‖ 0xFF ‖ "PKIX-RSA-PKCS#1v1.5" ‖ DER SPKI), PKCS#1 v1.5
 *       SHA-256 over the text (verification only).
 * </ul>
 *
 * The key ID is the first four bytes of the key hash. Factories throw {@link
 * IllegalArgumentException} (with an {@link UnsupportedKeyException} cause) for a bad name or a key
 * of the wrong type; keys are configuration, not untrusted input.
 */
public final class NoteKeys {
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private NoteKeys() {}

  /** An Ed25519 note signer named {@code name}. */
  public static NoteSigner ed25519(String name, KeyPair pair) {
    checkName(name);
    byte[] raw = rawEd25519(pair.getPublic());
    try {
      return new CryptoNoteSigner(
          name, KeyHashes.ed25519(name, raw), Signers.create(pair, KeyDetails.PKIX_ED25519), raw);
    } catch (UnsupportedKeyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** An ECDSA P-256 note signer named {@code name}; the key ID does not depend on the name. */
  public static NoteSigner ecdsa(String name, KeyPair pair) {
    checkName(name);
    try {
      return new CryptoNoteSigner(
          name,
          KeyHashes.ecdsa(pair.getPublic().getEncoded()),
          Signers.create(pair, KeyDetails.PKIX_ECDSA_P256_SHA_256),
          null);
    } catch (UnsupportedKeyException e) {
      throw new IllegalArgumentException("note ECDSA keys must be P-256: " + e.getMessage(), e);
    }
  }

  /**
   * An ECDSA P-256 note signer named {@code name} over any {@link Signer} of that scheme, such as
   * one whose key is inside a PKCS#11 token.
   */
  public static NoteSigner ecdsa(String name, Signer signer) {
    checkName(name);
    if (signer.details() != KeyDetails.PKIX_ECDSA_P256_SHA_256) {
      throw new IllegalArgumentException("note ECDSA keys must be P-256, not " + signer.details());
    }
    return new CryptoNoteSigner(
        name, KeyHashes.ecdsa(signer.publicKey().getEncoded()), signer, null);
  }

  /** Verifies Ed25519 note signatures by {@code name}. */
  public static NoteVerifier ed25519Verifier(String name, PublicKey key) {
    checkName(name);
    byte[] raw = rawEd25519(key);
    return verifier(name, KeyHashes.ed25519(name, raw), key, KeyDetails.PKIX_ED25519);
  }

  /** Verifies ECDSA P-256 note signatures (DER over SHA-256 of the text) by {@code name}. */
  public static NoteVerifier ecdsaVerifier(String name, PublicKey key) {
    checkName(name);
    return verifier(
        name, KeyHashes.ecdsa(key.getEncoded()), key, KeyDetails.PKIX_ECDSA_P256_SHA_256);
  }

  /** Verifies RSA PKCS#1 v1.5 SHA-256 note signatures (2048, 3072 or 4096 bits) by {@code name}. */
  public static NoteVerifier rsaVerifier(String name, PublicKey key) {
    checkName(name);
    KeyDetails details;
    try {
      details = PublicKeys.defaultDetails(key);
    } catch (UnsupportedKeyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!details.isRsa()) {
      throw new IllegalArgumentException("not an RSA key: " + key.getAlgorithm());
    }
    return verifier(name, KeyHashes.rsa(name, key.getEncoded()), key, details);
  }

  /**
   * Chooses {@link #ed25519Verifier}, {@link #ecdsaVerifier} or {@link #rsaVerifier} by key type.
   */
  public static NoteVerifier verifierFor(String name, PublicKey key) {
    KeyDetails details;
    try {
      details = PublicKeys.defaultDetails(key);
    } catch (UnsupportedKeyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (details.isEd25519()) {
      return ed25519Verifier(name, key);
    }
    if (details.isRsa()) {
      return rsaVerifier(name, key);
    }
    return ecdsaVerifier(name, key);
  }

  /**
   * Returns the 32-byte key hash a note key with this name and public key has, by key type (the
   * Rekor v2 {@code logId.keyId}; its first four bytes are the key ID).
   *
   * @throws IllegalArgumentException for an unsupported key or a bad name
   */
  public static byte[] keyHash(String name, PublicKey key) {
    checkName(name);
    KeyDetails details;
    try {
      details = PublicKeys.defaultDetails(key);
    } catch (UnsupportedKeyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (details.isEd25519()) {
      return KeyHashes.ed25519(name, rawEd25519(key));
    }
    return details.isRsa()
        ? KeyHashes.rsa(name, key.getEncoded())
        : KeyHashes.ecdsa(key.getEncoded());
  }

  /**
   * Parses a verifier key {@code <name>+<8 hex digit key ID>+<base64(type ‖ key)>}. Type 0x01
   * (Ed25519, 32-byte key) is supported; the key ID must match the one computed from name and key.
   *
   * @throws NoteFormatException if the text is malformed, the type unsupported or the ID wrong
   */
  public static NoteVerifier parseVkey(String vkey) throws NoteFormatException {
    String[] parts = vkey.split("\\+", -1);
    if (parts.length != 3) {
      throw new NoteFormatException("verifier key must be name+keyid+key");
    }
    String name = parts[0];
    String problem = NoteSyntax.checkName(name);
    if (problem != null) {
      throw new NoteFormatException("verifier key: " + problem);
    }
    if (!parts[1].matches("[0-9a-fA-F]{8}")) {
      throw new NoteFormatException("verifier key ID must be 8 hex digits");
    }
    int keyId = Integer.parseUnsignedInt(parts[1], 16);
    byte[] blob;
    try {
      blob = NoteSyntax.decodeBase64(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new NoteFormatException("verifier key is not valid base64", e);
    }
    if (blob.length == 0 || blob[0] != KeyHashes.ED25519) {
      throw new NoteFormatException(
          "unsupported verifier key type " + (blob.length == 0 ? "(none)" : blob[0] & 0xff));
    }
    if (blob.length != 33) {
      throw new NoteFormatException("Ed25519 verifier key must be 32 bytes");
    }
    byte[] raw = Arrays.copyOfRange(blob, 1, 33);
    if (KeyHashes.keyId(KeyHashes.ed25519(name, raw)) != keyId) {
      throw new NoteFormatException("verifier key ID does not match name and key");
    }
    PublicKey key;
    try {
      byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
      System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
      key = PublicKeys.parseSpki(spki);
    } catch (KeyParseException e) {
      throw new NoteFormatException("invalid Ed25519 verifier key", e);
    }
    return ed25519Verifier(name, key);
  }

  /**
   * Returns the verifier key text of an Ed25519 signer made by {@link #ed25519}.
   *
   * @throws IllegalArgumentException for other signers
   */
  public static String vkey(NoteSigner ed25519Signer) {
    byte[] raw =
        ed25519Signer instanceof CryptoNoteSigner
            ? ((CryptoNoteSigner) ed25519Signer).rawEd25519Key()
            : null;
    if (raw == null) {
      throw new IllegalArgumentException("vkey needs an Ed25519 signer from NoteKeys.ed25519");
    }
    byte[] blob = new byte[33];
    blob[0] = KeyHashes.ED25519;
    System.arraycopy(raw, 0, blob, 1, 32);
    return String.format(
        "%s+%08x+%s",
        ed25519Signer.name(), ed25519Signer.keyId(), Base64.getEncoder().encodeToString(blob));
  }

  private static NoteVerifier verifier(
      String name, byte[] keyHash, PublicKey key, KeyDetails details) {
    try {
      return new CryptoNoteVerifier(name, KeyHashes.keyId(keyHash), Verifiers.create(key, details));
    } catch (UnsupportedKeyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static byte[] rawEd25519(PublicKey key) {
    try {
      PublicKeys.checkMatches(key, KeyDetails.PKIX_ED25519);
    } catch (UnsupportedKeyException e) {
      throw new IllegalArgumentException("not an Ed25519 key: " + e.getMessage(), e);
    }
    byte[] spki = key.getEncoded();
    return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }

  private static void checkName(String name) {
    String problem = NoteSyntax.checkName(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }
}
