package dev.hallmark.ctlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.core.ct.MerkleTreeLeaf;
import dev.hallmark.core.ct.PrecertEntry;
import dev.hallmark.core.ct.Precertificates;
import dev.hallmark.core.ct.SctVerifier;
import dev.hallmark.core.ct.SignedCertificateTimestamp;
import dev.hallmark.core.ct.TrustedCtLog;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.testing.postgres.TestPostgres;
import dev.hallmark.tlog.LogEngine;
import dev.hallmark.tlog.LogSettings;
import dev.hallmark.tlog.TransparencyLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CT log on a real PostgreSQL: SCTs, tree heads, proofs, entries and refused chains. */
class CtLogTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private HikariDataSource ds;
  private LogEngine engine;
  private CtLog ct;
  private KeyPair logKey;
  private KeyPair rootKey;
  private X509Certificate root;

  @BeforeEach
  void open() throws Exception {
    ds = TestPostgres.fresh("tlog");
    engine =
        new LogEngine(
            ds,
            new SimpleMeterRegistry(),
            "p1",
            Executors.newFixedThreadPool(2),
            Clock.systemUTC(),
            new Random(1));
    logKey = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM);
    TransparencyLog log =
        engine.open(
            "ctlog",
            "ct.example.test",
            NoteKeys.ecdsa("ct.example.test", logKey),
            new LogSettings(
                100,
                Duration.ofMillis(5),
                Duration.ofSeconds(2),
                1000,
                64,
                Duration.ofSeconds(10)));
    rootKey = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM);
    root = certificate("CN=root", rootKey, "CN=root", rootKey, true, false);
    ct =
        new CtLog(
            log,
            Signers.create(logKey, KeyDetails.PKIX_ECDSA_P256_SHA_256),
            Clock.systemUTC(),
            List.of(root));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!log.ready() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @AfterEach
  void close() {
    engine.close();
    ds.close();
  }

  static X509Certificate certificate(
      String subject,
      KeyPair subjectKey,
      String issuer,
      KeyPair issuerKey,
      boolean ca,
      boolean poison)
      throws Exception {
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            new BigInteger(64, RANDOM).add(BigInteger.ONE),
            new Date(System.currentTimeMillis() - 60_000),
            new Date(System.currentTimeMillis() + 3_600_000),
            new X500Name(subject),
            subjectKey.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (poison) {
      b.addExtension(Precertificates.poisonExtension());
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
  }

  private List<TrustedCtLog> trusted() {
    return List.of(
        TrustedCtLog.of(
            logKey.getPublic().getEncoded(),
            KeyDetails.PKIX_ECDSA_P256_SHA_256,
            Instant.now().minusSeconds(3600),
            null));
  }

  @Test
  void precertificatesGetVerifiableSctsAndAreLogged() throws Exception {
    KeyPair leafKey = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM);
    X509Certificate precert = certificate("CN=leaf", leafKey, "CN=root", rootKey, false, true);
    SignedCertificateTimestamp sct =
        ct.addPreChain(List.of(precert.getEncoded(), root.getEncoded())).get(10, TimeUnit.SECONDS);
    assertThat(sct.logId()).isEqualTo(ct.logId());
    PrecertEntry entry =
        PrecertEntry.of(
            root.getPublicKey().getEncoded(),
            Precertificates.encode(Precertificates.removePoison(Precertificates.tbsOf(precert))));
    new SctVerifier(1).verifySct(sct, entry, trusted());

    SignedTreeHead sth = ct.signedTreeHead();
    assertThat(sth.treeSize()).isEqualTo(1);
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.write(0);
    signed.write(1);
    for (long v : new long[] {sth.timestamp(), sth.treeSize()}) {
      for (int s = 56; s >= 0; s -= 8) {
        signed.write((int) (v >>> s));
      }
    }
    signed.write(sth.rootHash().toBytes(), 0, 32);
    byte[] ds = sth.signature();
    assertThat(ds[0]).isEqualTo((byte) 4);
    assertThat(ds[1]).isEqualTo((byte) 3);
    Verifiers.create(logKey.getPublic(), KeyDetails.PKIX_ECDSA_P256_SHA_256)
        .verify(signed.toByteArray(), Arrays.copyOfRange(ds, 4, ds.length));

    List<CtEntry> entries = ct.entries(0, 10);
    assertThat(entries).hasSize(1);
    MerkleTreeLeaf leaf = MerkleTreeLeaf.decode(entries.get(0).leafInput());
    assertThat(leaf.timestamp()).isEqualTo(sct.timestamp());
    assertThat(leaf.entry()).isEqualTo(entry);
    byte[] extra = entries.get(0).extraData();
    int precertLen = ((extra[0] & 0xff) << 16) | ((extra[1] & 0xff) << 8) | (extra[2] & 0xff);
    assertThat(Arrays.copyOfRange(extra, 3, 3 + precertLen)).isEqualTo(precert.getEncoded());

    // A second entry: proofs by hash and consistency.
    X509Certificate second = certificate("CN=second", leafKey, "CN=root", rootKey, false, true);
    ct.addPreChain(List.of(second.getEncoded(), root.getEncoded())).get(10, TimeUnit.SECONDS);
    SignedTreeHead sth2 = ct.signedTreeHead();
    assertThat(sth2.treeSize()).isEqualTo(2);
    Hash leafHash = Hash.of(leaf.leafHash());
    CtLog.InclusionAnswer proof = ct.proofByHash(leafHash, 2);
    MerkleVerifier.verifyInclusion(
        proof.leafIndex(), 2, leafHash, proof.auditPath(), sth2.rootHash());
    MerkleVerifier.verifyConsistency(1, 2, sth.rootHash(), sth2.rootHash(), ct.consistency(1, 2));
  }

  @Test
  void refusesChainsItCannotAccept() throws Exception {
    KeyPair leafKey = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM);
    X509Certificate plain = certificate("CN=leaf", leafKey, "CN=root", rootKey, false, false);
    X509Certificate precert = certificate("CN=leaf", leafKey, "CN=root", rootKey, false, true);
    KeyPair otherKey = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM);
    X509Certificate otherRoot =
        certificate("CN=other", otherKey, "CN=other", otherKey, true, false);
    X509Certificate foreign = certificate("CN=leaf", leafKey, "CN=other", otherKey, false, true);
    assertThatThrownBy(() -> ct.addPreChain(List.of(plain.getEncoded(), root.getEncoded())))
        .isInstanceOf(CtChainException.class)
        .hasMessageContaining("not a precertificate");
    assertThatThrownBy(() -> ct.addChain(List.of(precert.getEncoded(), root.getEncoded())))
        .hasMessageContaining("add-pre-chain");
    assertThatThrownBy(() -> ct.addPreChain(List.of(precert.getEncoded())))
        .hasMessageContaining("issuer");
    assertThatThrownBy(() -> ct.addPreChain(List.of(foreign.getEncoded(), otherRoot.getEncoded())))
        .hasMessageContaining("does not end at a root");
    assertThatThrownBy(() -> ct.addPreChain(List.of(precert.getEncoded(), otherRoot.getEncoded())))
        .hasMessageContaining("not signed by");
    assertThatThrownBy(() -> ct.addPreChain(List.of(new byte[] {1, 2, 3}, root.getEncoded())))
        .hasMessageContaining("not an X.509 certificate");
    assertThat(ct.signedTreeHead().treeSize()).isZero();
    // A plain certificate chain is fine on add-chain.
    SignedCertificateTimestamp sct =
        ct.addChain(List.of(plain.getEncoded(), root.getEncoded())).get(10, TimeUnit.SECONDS);
    assertThat(sct.timestamp()).isPositive();
    assertThat(ct.signedTreeHead().treeSize()).isEqualTo(1);
  }
}
