package dev.hallmark.core.ct;

import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.core.ct.internal.CtAlgorithms;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the SCTs embedded in a certificate against trusted CT logs (RFC 6962 §5.2 as Sigstore
 * clients apply it). Immutable and thread-safe.
 *
 * <p>The rule, stricter than either Sigstore client: <b>every</b> embedded SCT must verify — an SCT
 * from a log that is not trusted, outside the log's validity window, with the wrong algorithms or a
 * bad signature fails the certificate even if others verify (sigstore-js fails on an SCT from an
 * unknown log even with threshold 0) — and the SCTs must come from at least {@code threshold}
 * distinct trusted logs (sigstore-java requires at least one valid SCT, with no opt-out, so the
 * threshold is at least 1). A certificate without an SCT list fails.
 */
public final class SctVerifier {
  private final int threshold;

  /**
   * One signature verifier per trusted log key, built on first use and reused (the BouncyCastle key
   * then keeps its precomputed multiples). Bounded by the number of distinct logs this verifier is
   * given.
   */
  private final Map<TrustedCtLog, SignatureVerifier> keys = new ConcurrentHashMap<>();

  /**
   * A verifier that requires SCTs from at least {@code threshold} distinct trusted logs.
   *
   * @throws IllegalArgumentException if {@code threshold < 1}
   */
  public SctVerifier(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("SCT threshold must be at least 1, got " + threshold);
    }
    this.threshold = threshold;
  }

  /** The number of distinct logs whose SCTs are required. */
  public int threshold() {
    return threshold;
  }

  /**
   * Verifies the SCTs embedded in {@code leaf}: removes the SCT list extension from its TBS,
   * rebuilds the precertificate entry with the hash of {@code issuer}'s key, and checks each SCT
   * against the log in {@code logs} whose ID it names and whose validity contains its timestamp.
   *
   * @param leaf the final certificate carrying the SCT list extension
   * @param issuer the certificate that issued {@code leaf} (the next one in its chain)
   * @param logs the trusted CT logs
   * @throws SctVerificationException naming the SCT and the check that failed
   */
  public void verify(X509Certificate leaf, X509Certificate issuer, List<TrustedCtLog> logs)
      throws SctVerificationException {
    if (logs.isEmpty()) {
      throw new SctVerificationException("no trusted CT logs were provided");
    }
    SctList scts;
    byte[] tbs;
    try {
      scts = SctList.fromCertificate(leaf);
      tbs = Precertificates.encode(Precertificates.removeSctList(Precertificates.tbsOf(leaf)));
    } catch (CtFormatException e) {
      throw new SctVerificationException("leaf certificate: " + e.getMessage(), e);
    }
    PrecertEntry entry = PrecertEntry.of(issuerSpki(issuer), tbs);
    Set<String> logsSeen = new HashSet<>();
    int n = scts.scts().size();
    for (int i = 0; i < n; i++) {
      SignedCertificateTimestamp sct = scts.scts().get(i);
      try {
        verifySct(sct, entry, logs);
      } catch (SctVerificationException e) {
        throw new SctVerificationException(
            "SCT " + (i + 1) + " of " + n + ": " + e.getMessage(), e);
      }
      logsSeen.add(Base64.getEncoder().encodeToString(sct.logId()));
    }
    if (logsSeen.size() < threshold) {
      throw new SctVerificationException(
          "SCTs from "
              + logsSeen.size()
              + " distinct trusted CT log(s) verified, "
              + threshold
              + " required");
    }
  }

  /**
   * Verifies one SCT over {@code entry}: some log in {@code logs} must have the SCT's log ID, a
   * validity window containing its timestamp, a scheme matching the SCT's algorithms, and a key
   * under which the signature verifies.
   *
   * @throws SctVerificationException naming the log and the check that failed
   */
  public void verifySct(SignedCertificateTimestamp sct, LogEntry entry, List<TrustedCtLog> logs)
      throws SctVerificationException {
    String id = Base64.getEncoder().encodeToString(sct.logId());
    List<TrustedCtLog> named = new ArrayList<>();
    for (TrustedCtLog log : logs) {
      if (log.hasLogId(sct.logId())) {
        named.add(log);
      }
    }
    if (named.isEmpty()) {
      throw new SctVerificationException("SCT log " + id + " is not a trusted CT log");
    }
    List<String> failures = new ArrayList<>();
    for (TrustedCtLog log : named) {
      if (!log.isValidAt(sct.time())) {
        failures.add(
            "SCT timestamp "
                + sct.time()
                + " is outside the validity of CT log "
                + id
                + " ["
                + log.validFrom()
                + ", "
                + (log.validTo() == null ? "open" : log.validTo())
                + "]");
        continue;
      }
      try {
        checkSignature(sct, entry, log);
        return;
      } catch (SctVerificationException e) {
        failures.add(e.getMessage());
      }
    }
    throw new SctVerificationException(String.join("; ", failures));
  }

  private void checkSignature(SignedCertificateTimestamp sct, LogEntry entry, TrustedCtLog log)
      throws SctVerificationException {
    String id = log.logIdBase64();
    try {
      TlsHashAlgorithm hash = CtAlgorithms.hash(log.keyDetails());
      TlsSignatureAlgorithm sig = CtAlgorithms.signature(log.keyDetails());
      if (sct.hashAlgorithm() != hash || sct.signatureAlgorithm() != sig) {
        throw new SctVerificationException(
            "SCT is signed with "
                + sct.hashAlgorithm()
                + "/"
                + sct.signatureAlgorithm()
                + " but CT log "
                + id
                + " uses "
                + hash
                + "/"
                + sig);
      }
      byte[] signed = SignedData.certificateTimestamp(sct.timestamp(), entry, sct.extensions());
      SignatureVerifier key = keys.get(log);
      if (key == null) {
        key = Verifiers.fromSpki(log.publicKey(), log.keyDetails());
        keys.putIfAbsent(log, key);
      }
      key.verify(signed, sct.signature());
    } catch (KeyParseException | UnsupportedKeyException e) {
      throw new SctVerificationException(
          "trusted CT log " + id + " has an unusable key: " + e.getMessage(), e);
    } catch (SignatureCheckException e) {
      throw new SctVerificationException(
          "SCT signature does not verify under CT log " + id + ": " + e.getMessage(), e);
    }
  }

  private static byte[] issuerSpki(X509Certificate issuer) throws SctVerificationException {
    try {
      return PublicKeys.certificateSpki(issuer.getEncoded());
    } catch (CertificateEncodingException | KeyParseException e) {
      throw new SctVerificationException(
          "cannot read the issuer's public key: " + e.getMessage(), e);
    }
  }
}
