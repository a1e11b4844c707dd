package dev.hallmark.core.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signers;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CA issues a precertificate, a log signs an SCT, the CA embeds it, a verifier checks it. */
class RoundTripTest {
  private static final Instant NOT_BEFORE = Instant.parse("2026-03-01T12:00:00Z");
  private static final long TS = NOT_BEFORE.plusMillis(1234).toEpochMilli();
  private static final Instant LOG_START = Instant.parse("2026-01-01T00:00:00Z");

  /** One issuance: CA, log, precert TBS and the SCT over it. */
  private static final class Issuance {
    final TestPki pki;
    final SctSigner log;
    final TrustedCtLog trusted;
    final TBSCertificate precertTbs;
    final byte[] tbsForLog;
    final SignedCertificateTimestamp sct;

    Issuance(long seed) throws Exception {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      pki = new TestPki(random);
      KeyPair logPair = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, random);
      log = new SctSigner(Signers.create(logPair, KeyDetails.PKIX_ECDSA_P256_SHA_256));
      trusted =
          TrustedCtLog.of(
              logPair.getPublic().getEncoded(),
              KeyDetails.PKIX_ECDSA_P256_SHA_256,
              LOG_START,
              null);
      KeyPair leafKey = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, random);
      precertTbs =
          Precertificates.addPoison(pki.leafTbs(leafKey.getPublic().getEncoded(), NOT_BEFORE));
      tbsForLog = Precertificates.encode(Precertificates.removePoison(precertTbs));
      sct = log.signPrecert(TS, issuerKeyHash(pki.caCert), tbsForLog);
    }

    X509Certificate finalCert(SctList scts) throws Exception {
      return pki.sign(Precertificates.embedScts(precertTbs, scts));
    }

    X509Certificate leaf() throws Exception {
      return finalCert(SctList.of(sct));
    }
  }

  static byte[] issuerKeyHash(X509Certificate issuer) throws Exception {
    return PrecertEntry.issuerKeyHash(PublicKeys.certificateSpki(issuer.getEncoded()));
  }

  private static final SctVerifier ONE = new SctVerifier(1);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void issuedCertificateVerifies(long seed) throws Exception {
    Issuance is = new Issuance(seed);
    X509Certificate precert = is.pki.sign(is.precertTbs);
    assertThat(precert.getCriticalExtensionOIDs()).contains(Precertificates.POISON_OID.getId());
    X509Certificate leaf = is.leaf();
    leaf.verify(is.pki.caCert.getPublicKey());

    byte[] rebuilt =
        Precertificates.encode(Precertificates.removeSctList(Precertificates.tbsOf(leaf)));
    assertThat(rebuilt).isEqualTo(is.tbsForLog);
    assertThat(SctList.fromCertificate(leaf)).isEqualTo(SctList.of(is.sct));
    assertThat(is.sct.logId()).isEqualTo(is.trusted.logId());

    ONE.verify(leaf, is.pki.caCert, List.of(is.trusted));
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void thresholdCountsDistinctLogs(long seed) throws Exception {
    Issuance a = new Issuance(seed);
    Issuance b = new Issuance(seed + 100);
    SctSigner second = b.log;
    SignedCertificateTimestamp sct2 =
        second.signPrecert(TS + 5, issuerKeyHash(a.pki.caCert), a.tbsForLog);
    X509Certificate twoLogs = a.finalCert(new SctList(List.of(a.sct, sct2)));
    List<TrustedCtLog> both = List.of(a.trusted, b.trusted);
    new SctVerifier(2).verify(twoLogs, a.pki.caCert, both);

    SignedCertificateTimestamp again =
        a.log.signPrecert(TS + 9, issuerKeyHash(a.pki.caCert), a.tbsForLog);
    X509Certificate sameLogTwice = a.finalCert(new SctList(List.of(a.sct, again)));
    ONE.verify(sameLogTwice, a.pki.caCert, both);
    assertThatThrownBy(() -> new SctVerifier(2).verify(sameLogTwice, a.pki.caCert, both))
        .isInstanceOf(SctVerificationException.class)
        .hasMessageContaining("1 distinct trusted CT log(s) verified, 2 required");

    // An SCT from a log that is not trusted fails the certificate even when others suffice.
    assertThatThrownBy(() -> ONE.verify(twoLogs, a.pki.caCert, List.of(a.trusted)))
        .isInstanceOf(SctVerificationException.class)
        .hasMessageContaining("SCT 2 of 2")
        .hasMessageContaining("is not a trusted CT log");
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void tamperingIsRejected(long seed) throws Exception {
    Issuance is = new Issuance(seed);
    X509Certificate leaf = is.leaf();
    List<TrustedCtLog> logs = List.of(is.trusted);

    rejects(
        is.finalCert(SctList.of(withSignature(is.sct, flip(is.sct.signature(), 3)))),
        is,
        logs,
        "does not verify");
    rejects(is.finalCert(SctList.of(withTimestamp(is.sct, TS + 1))), is, logs, "does not verify");
    rejects(
        is.finalCert(SctList.of(withExtensions(is.sct, new byte[] {1}))),
        is,
        logs,
        "does not verify");
    rejects(
        is.finalCert(SctList.of(withHash(is.sct, TlsHashAlgorithm.SHA384))),
        is,
        logs,
        "SCT is signed with SHA384/ECDSA but CT log");

    // Wrong issuer key hash: verified against another CA.
    TestPki other = new TestPki(new SecureRandom(new byte[] {(byte) seed}));
    assertThatThrownBy(() -> ONE.verify(leaf, other.caCert, logs))
        .hasMessageContaining("does not verify");

    // Same log ID, different key.
    KeyPair otherKey =
        Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom(new byte[] {9}));
    TrustedCtLog swapped =
        new TrustedCtLog(
            otherKey.getPublic().getEncoded(),
            KeyDetails.PKIX_ECDSA_P256_SHA_256,
            is.trusted.logId(),
            LOG_START,
            null);
    rejects(leaf, is, List.of(swapped), "does not verify");
    // The right key listed but with the wrong scheme.
    TrustedCtLog wrongDetails =
        new TrustedCtLog(
            is.trusted.publicKey(),
            KeyDetails.PKIX_ECDSA_P384_SHA_384,
            is.trusted.logId(),
            LOG_START,
            null);
    rejects(leaf, is, List.of(wrongDetails), "SCT is signed with SHA256/ECDSA but CT log");
    // Unknown log.
    rejects(
        leaf,
        is,
        List.of(
            TrustedCtLog.of(
                otherKey.getPublic().getEncoded(),
                KeyDetails.PKIX_ECDSA_P256_SHA_256,
                LOG_START,
                null)),
        "is not a trusted CT log");
    // Validity windows: closed interval.
    Instant ts = Instant.ofEpochMilli(TS);
    rejects(
        leaf,
        is,
        List.of(window(is.trusted, LOG_START, ts.minusMillis(1))),
        "outside the validity");
    rejects(leaf, is, List.of(window(is.trusted, ts.plusMillis(1), null)), "outside the validity");
    ONE.verify(leaf, is.pki.caCert, List.of(window(is.trusted, ts, ts)));
    // A second, in-window entry for the same log ID is chosen over an expired one.
    ONE.verify(
        leaf,
        is.pki.caCert,
        List.of(window(is.trusted, LOG_START, ts.minusMillis(1)), window(is.trusted, ts, null)));

    // No SCT list at all, and no logs.
    X509Certificate precert = is.pki.sign(is.precertTbs);
    rejects(precert, is, logs, "no embedded SCT list");
    rejects(leaf, is, List.of(), "no trusted CT logs were provided");

    // A final certificate whose other extensions were reordered no longer matches the signed TBS.
    List<org.bouncycastle.asn1.x509.Extension> exts = new ArrayList<>();
    TBSCertificate finalTbs = Precertificates.embedScts(is.precertTbs, SctList.of(is.sct));
    for (org.bouncycastle.asn1.ASN1ObjectIdentifier oid :
        finalTbs.getExtensions().getExtensionOIDs()) {
      exts.add(0, finalTbs.getExtensions().getExtension(oid));
    }
    X509Certificate reordered =
        is.pki.sign(dev.hallmark.core.ct.internal.TbsExtensions.replace(finalTbs, exts));
    rejects(reordered, is, logs, "does not verify");
  }

  private static TrustedCtLog window(TrustedCtLog log, Instant from, Instant to) {
    return new TrustedCtLog(log.publicKey(), log.keyDetails(), log.logId(), from, to);
  }

  private static void rejects(
      X509Certificate leaf, Issuance is, List<TrustedCtLog> logs, String message) {
    assertThatThrownBy(() -> ONE.verify(leaf, is.pki.caCert, logs))
        .isInstanceOf(SctVerificationException.class)
        .hasMessageContaining(message);
  }

  private static byte[] flip(byte[] b, int fromEnd) {
    byte[] c = b.clone();
    c[c.length - fromEnd] ^= 0x01;
    return c;
  }

  private static SignedCertificateTimestamp withSignature(
      SignedCertificateTimestamp s, byte[] sig) {
    return new SignedCertificateTimestamp(
        s.version(),
        s.logId(),
        s.timestamp(),
        s.extensions(),
        s.hashAlgorithm(),
        s.signatureAlgorithm(),
        sig);
  }

  private static SignedCertificateTimestamp withTimestamp(SignedCertificateTimestamp s, long ts) {
    return new SignedCertificateTimestamp(
        s.version(),
        s.logId(),
        ts,
        s.extensions(),
        s.hashAlgorithm(),
        s.signatureAlgorithm(),
        s.signature());
  }

  private static SignedCertificateTimestamp withExtensions(SignedCertificateTimestamp s, byte[] e) {
    return new SignedCertificateTimestamp(
        s.version(),
        s.logId(),
        s.timestamp(),
        e,
        s.hashAlgorithm(),
        s.signatureAlgorithm(),
        s.signature());
  }

  private static SignedCertificateTimestamp withHash(
      SignedCertificateTimestamp s, TlsHashAlgorithm h) {
    return new SignedCertificateTimestamp(
        s.version(),
        s.logId(),
        s.timestamp(),
        s.extensions(),
        h,
        s.signatureAlgorithm(),
        s.signature());
  }
}
