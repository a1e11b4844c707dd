package dev.hallmark.core.ct;

import dev.hallmark.core.ct.internal.TlsReader;
import dev.hallmark.core.ct.internal.TlsWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An RFC 6962 §3.2 {@code SignedCertificateTimestamp}: a CT log's promise to include an entry. The
 * byte arrays are copied in and out, so instances are immutable.
 *
 * <p>Wire form: {@code version(1) | log_id(32) | timestamp(8) | extensions<0..2^16-1> | hash_alg(1)
 * | sig_alg(1) | signature<0..2^16-1>}.
 *
 * @param version the SCT version; only {@link #V1} (0) is defined
 * @param logId SHA-256 of the log's DER SubjectPublicKeyInfo (32 bytes)
 * @param timestamp milliseconds since the epoch, at most 2^63-1
 * @param extensions opaque {@code CtExtensions}, at most 65535 bytes (empty for RFC 6962 logs)
 * @param hashAlgorithm the hash of the log's {@code digitally-signed} signature
 * @param signatureAlgorithm the signature algorithm of the log's key
 * @param signature the signature bytes (DER for ECDSA), at most 65535 bytes
 */
public record SignedCertificateTimestamp(
    int version,
    byte[] logId,
    long timestamp,
    byte[] extensions,
    TlsHashAlgorithm hashAlgorithm,
    TlsSignatureAlgorithm signatureAlgorithm,
    byte[] signature) {

  /** The only defined SCT version, {@code v1(0)}. */
  public static final int V1 = 0;

  /** Length of a log ID. */
  public static final int LOG_ID_LENGTH = 32;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is out of range
   */
  public SignedCertificateTimestamp {
    if (version != V1) {
      throw new IllegalArgumentException("unsupported SCT version " + version + "; only v1 (0)");
    }
    Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
    Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
    if (Objects.requireNonNull(logId, "logId").length != LOG_ID_LENGTH) {
      throw new IllegalArgumentException("log ID has " + logId.length + " bytes, expected 32");
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("negative SCT timestamp " + timestamp);
    }
    if (Objects.requireNonNull(extensions, "extensions").length > 0xffff) {
      throw new IllegalArgumentException("SCT extensions exceed 65535 bytes");
    }
    if (Objects.requireNonNull(signature, "signature").length > 0xffff) {
      throw new IllegalArgumentException("SCT signature exceeds 65535 bytes");
    }
    logId = logId.clone();
    extensions = extensions.clone();
    signature = signature.clone();
  }

  /** Returns a copy of the log ID. */
  @Override
  public byte[] logId() {
    return logId.clone();
  }

  /** Returns a copy of the extensions. */
  @Override
  public byte[] extensions() {
    return extensions.clone();
  }

  /** Returns a copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The timestamp as an {@link Instant}. */
  public Instant time() {
    return Instant.ofEpochMilli(timestamp);
  }

  /** Encodes the SCT in its TLS wire form. */
  public byte[] encode() {
    return new TlsWriter()
        .uint(version, 1)
        .raw(logId)
        .uint(timestamp, 8)
        .opaque(extensions, 2)
        .uint(hashAlgorithm.code(), 1)
        .uint(signatureAlgorithm.code(), 1)
        .opaque(signature, 2)
        .toByteArray();
  }

  /**
   * Decodes one SCT in TLS wire form; the whole array must be consumed.
   *
   * @throws CtFormatException if the bytes are truncated, have trailing bytes, name an unknown
   *     version or algorithm, or a timestamp beyond 2^63-1
   */
  public static SignedCertificateTimestamp decode(byte[] bytes) throws CtFormatException {
    TlsReader r = new TlsReader(Objects.requireNonNull(bytes, "bytes"), "SCT");
    int version = r.u8("version");
    if (version != V1) {
      throw new CtFormatException("SCT: unsupported version " + version + "; only v1 (0)");
    }
    byte[] logId = r.fixed(LOG_ID_LENGTH, "log_id");
    long timestamp = r.u64("timestamp");
    byte[] extensions = r.opaque16(0, "extensions");
    TlsHashAlgorithm hash = TlsHashAlgorithm.fromCode(r.u8("hash algorithm"));
    TlsSignatureAlgorithm sig = TlsSignatureAlgorithm.fromCode(r.u8("signature algorithm"));
    byte[] signature = r.opaque16(0, "signature");
    r.finish();
    return new SignedCertificateTimestamp(
        version, logId, timestamp, extensions, hash, sig, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedCertificateTimestamp
        && Arrays.equals(encode(), ((SignedCertificateTimestamp) o).encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "SCT{log="
        + Base64.getEncoder().encodeToString(logId)
        + ", time="
        + time()
        + ", extensions="
        + extensions.length
        + " bytes, "
        + hashAlgorithm
        + "/"
        + signatureAlgorithm
        + "}";
  }
}
