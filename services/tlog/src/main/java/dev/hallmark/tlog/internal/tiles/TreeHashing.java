package dev.hallmark.tlog.internal.tiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 node hashing on raw 32-byte slices, for the tile code's inner loops. */
final class TreeHashing {
  private final MessageDigest sha256;

  TreeHashing() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Writes H(0x01 || a[aOff..+32] || b[bOff..+32]) into out[outOff..+32]. */
  void node(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff) {
    sha256.update((byte) 1);
    sha256.update(a, aOff, 32);
    sha256.update(b, bOff, 32);
    try {
      sha256.digest(out, outOff, 32);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
  }
}
