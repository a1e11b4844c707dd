package dev.hallmark.ctlog.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** The few TLS encodings the CT API needs beyond core/ct: opaque vectors and DigitallySigned. */
public final class TlsBytes {
  private TlsBytes() {}

  /** uint24 length + bytes. */
  public static void opaque24(ByteArrayOutputStream out, byte[] data) {
    if (data.length >= 1 << 24) {
      throw new IllegalArgumentException("value too long for a uint24 length");
    }
    out.write(data.length >>> 16);
    out.write(data.length >>> 8);
    out.write(data.length);
    out.write(data, 0, data.length);
  }

  /** A certificate chain: uint24 total length, then each certificate as opaque24. */
  public static void chain(ByteArrayOutputStream out, List<byte[]> certs) {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    for (byte[] c : certs) {
      opaque24(inner, c);
    }
    opaque24(out, inner.toByteArray());
  }

  /** TLS DigitallySigned: hash algorithm, signature algorithm, uint16 length + signature. */
  public static byte[] digitallySigned(int hashAlgorithm, int signatureAlgorithm, byte[] sig) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(hashAlgorithm);
    out.write(signatureAlgorithm);
    out.write(sig.length >>> 8);
    out.write(sig.length);
    out.write(sig, 0, sig.length);
    return out.toByteArray();
  }

  public static void uint64(ByteArrayOutputStream out, long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
  }
}
