package dev.hallmark.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A hash algorithm, named as in Sigstore's {@code HashAlgorithm} protobuf enum. */
public enum HashAlgorithm {
  SHA2_256(32, "SHA-256"),
  SHA2_384(48, "SHA-384"),
  SHA2_512(64, "SHA-512");

  private final int length;
  private final String jcaName;

  HashAlgorithm(int length, String jcaName) {
    this.length = length;
    this.jcaName = jcaName;
  }

  /** Returns the digest length in bytes. */
  public int length() {
    return length;
  }

  /** Returns the JCA {@link MessageDigest} name, e.g. {@code "SHA-256"}. */
  public String jcaName() {
    return jcaName;
  }

  /** Returns the digest of {@code data}; the result has {@link #length()} bytes. */
  public byte[] digest(byte[] data) {
    return newDigest().digest(data);
  }

  /** Returns a new JCA message digest for this algorithm (every JDK provides all three). */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + jcaName, e);
    }
  }
}
