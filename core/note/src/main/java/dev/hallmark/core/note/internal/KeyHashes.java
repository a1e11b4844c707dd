package dev.hallmark.core.note.internal;

import dev.hallmark.core.crypto.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Key hashes of the C2SP / rekor-tiles signed-note key types. */
public final class KeyHashes {
  /** Ed25519 signature type byte. */
  public static final byte ED25519 = 0x01;

  /** "Other" type byte, followed by an identifier string (rekor-tiles RSA). */
  public static final byte OTHER = (byte) 0xff;

  /** rekor-tiles' identifier for RSA PKCS#1 v1.5 keys after the 0xFF type byte. */
  public static final String RSA_ID = "PKIX-RSA-PKCS#1v1.5";

  private KeyHashes() {}

  /** SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte key). */
  public static byte[] ed25519(String name, byte[] rawKey) {
    return typed(name, new byte[] {ED25519}, rawKey);
  }

  /** SHA-256(DER SPKI): no name, no type byte. */
  public static byte[] ecdsa(byte[] spki) {
    return HashAlgorithm.SHA2_256.digest(spki);
  }

  /** SHA-256(name ‖ 0x0A ‖ 0xFF ‖ "PKIX-RSA-PKCS#1v1.5" ‖ DER SPKI). */
  public static byte[] rsa(String name, byte[] spki) {
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    t.write(OTHER);
    t.writeBytes(RSA_ID.getBytes(StandardCharsets.US_ASCII));
    return typed(name, t.toByteArray(), spki);
  }

  /** The big-endian uint32 of the first four bytes. */
  public static int keyId(byte[] keyHash) {
    return (keyHash[0] & 0xff) << 24
        | (keyHash[1] & 0xff) << 16
        | (keyHash[2] & 0xff) << 8
        | keyHash[3] & 0xff;
  }

  private static byte[] typed(String name, byte[] type, byte[] key) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(name.getBytes(StandardCharsets.UTF_8));
    b.write('\n');
    b.writeBytes(type);
    b.writeBytes(key);
    return HashAlgorithm.SHA2_256.digest(b.toByteArray());
  }
}
