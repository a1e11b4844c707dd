package dev.hallmark.core.ct;

/**
 * The TLS {@code SignatureAlgorithm} registry values (RFC 5246 §7.4.1.4.1, RFC 8422) an SCT names.
 * RFC 6962 logs use {@link #ECDSA} (NIST P-256) or {@link #RSA}.
 */
public enum TlsSignatureAlgorithm {
  ANONYMOUS(0),
  RSA(1),
  DSA(2),
  ECDSA(3),
  ED25519(7);

  private final int code;

  TlsSignatureAlgorithm(int code) {
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
  public static TlsSignatureAlgorithm fromCode(int code) throws CtFormatException {
    for (TlsSignatureAlgorithm a : values()) {
      if (a.code == code) {
        return a;
      }
    }
    throw new CtFormatException("unknown TLS signature algorithm " + code);
  }
}
