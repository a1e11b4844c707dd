package dev.hallmark.core.note;

import dev.hallmark.core.note.internal.NoteSyntax;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note: key name, 4-byte key ID, signature bytes. The signature
 * array is copied in and out, so the record is immutable.
 *
 * @param name the key name: non-empty, no white space, no {@code +}
 * @param keyId the key ID (big-endian uint32 of the first four bytes of the key hash)
 * @param signature the signature bytes, at least one
 */
public record NoteSignature(String name, int keyId, byte[] signature) {

  /** Validates and copies. @throws IllegalArgumentException if the name or signature is bad */
  public NoteSignature {
    String problem = NoteSyntax.checkName(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    Objects.requireNonNull(signature, "signature");
    if (signature.length == 0) {
      throw new IllegalArgumentException("signature is empty");
    }
    signature = signature.clone();
  }

  /** Returns a copy of the signature bytes. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Returns the line {@code "— name base64(keyId ‖ signature)\n"} (U+2014 em dash, space). */
  public String line() {
    byte[] blob = new byte[4 + signature.length];
    blob[0] = (byte) (keyId >>> 24);
    blob[1] = (byte) (keyId >>> 16);
    blob[2] = (byte) (keyId >>> 8);
    blob[3] = (byte) keyId;
    System.arraycopy(signature, 0, blob, 4, signature.length);
    return NoteSyntax.SIG_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
  }

  /** Returns the key ID as 8 lowercase hex digits. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature
        && ((NoteSignature) o).name.equals(name)
        && ((NoteSignature) o).keyId == keyId
        && Arrays.equals(((NoteSignature) o).signature, signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "NoteSignature[" + name + "+" + keyIdHex() + ", " + signature.length + " bytes]";
  }
}
