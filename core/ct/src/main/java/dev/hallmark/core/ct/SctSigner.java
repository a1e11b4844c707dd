package dev.hallmark.core.ct;

import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.ct.internal.CtAlgorithms;
import java.util.Objects;

/**
 * Issues SCTs with a CT log's key: what the {@code ctlog} service does for each (pre)certificate.
 * Clients expect ECDSA P-256; RSA PKCS#1 v1.5 and the other ECDSA curves are accepted as RFC 6962
 * allows. The log ID is SHA-256 of the key's DER SubjectPublicKeyInfo. Thread-safe if the signer
 * is. The caller supplies the timestamp (from its clock).
 */
public final class SctSigner {
  private final Signer signer;
  private final byte[] logId;
  private final TlsHashAlgorithm hash;
  private final TlsSignatureAlgorithm signatureAlgorithm;

  /**
   * Creates a signer for the log key {@code logKey}.
   *
   * @throws UnsupportedKeyException if the key's scheme has no SCT encoding (Ed25519, RSA-PSS)
   */
  public SctSigner(Signer logKey) throws UnsupportedKeyException {
    this.signer = Objects.requireNonNull(logKey, "logKey");
    this.hash = CtAlgorithms.hash(logKey.details());
    this.signatureAlgorithm = CtAlgorithms.signature(logKey.details());
    this.logId = PublicKeys.sha256Spki(logKey.publicKey());
  }

  /** The log ID: SHA-256 of the log key's DER SubjectPublicKeyInfo. */
  public byte[] logId() {
    return logId.clone();
  }

  /**
   * Signs an SCT for {@code entry}.
   *
   * @param timestamp milliseconds since the epoch, non-negative
   * @param entry the certificate or precertificate being logged
   * @param extensions the SCT extensions (empty for RFC 6962 logs)
   */
  public SignedCertificateTimestamp sign(long timestamp, LogEntry entry, byte[] extensions) {
    byte[] input = SignedData.certificateTimestamp(timestamp, entry, extensions);
    return new SignedCertificateTimestamp(
        SignedCertificateTimestamp.V1,
        logId,
        timestamp,
        extensions,
        hash,
        signatureAlgorithm,
        signer.sign(input));
  }

  /**
   * Signs an SCT, without extensions, for a precertificate.
   *
   * @param timestamp milliseconds since the epoch, non-negative
   * @param issuerKeyHash SHA-256 of the issuing CA's DER SubjectPublicKeyInfo
   * @param tbsWithoutPoison the precertificate TBS with its poison removed ({@link
   *     Precertificates#removePoison}), DER
   */
  public SignedCertificateTimestamp signPrecert(
      long timestamp, byte[] issuerKeyHash, byte[] tbsWithoutPoison) {
    return sign(timestamp, new PrecertEntry(issuerKeyHash, tbsWithoutPoison), new byte[0]);
  }
}
