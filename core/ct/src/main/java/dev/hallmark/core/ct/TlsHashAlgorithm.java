package dev.hallmark.core.ct;

/** The TLS {@code HashAlgorithm} registry values (RFC 5246 §7.4.1.4.1, RFC 8422) an SCT names. */
public enum TlsHashAlgorithm {
  NONE(0),
  MD5(1),
  SHA1(2),
  SHA224(3),
  SHA256(4),
  SHA384(5),
  SHA512(6),
  INTRINSIC(8);

  private final int code;

  TlsHashAlgorithm(int code) {
    this.code = code;
  }

  /** The one-byte wire code. */
  public int code() {
    return code;
  }

  /**
   * Returns the value for a wire code.
   *
   * @throws CtFormatException if the code is not registered
   */
  public static TlsHashAlgorithm fromCode(int code) throws CtFormatException {
    for (TlsHashAlgorithm a : values()) {
      if (a.code == code) {
        return a;
      }
    }
    throw new CtFormatException("unknown TLS hash algorithm " + code);
  }
}
