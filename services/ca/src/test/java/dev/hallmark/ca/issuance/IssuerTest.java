package dev.hallmark.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.ct.Precertificates;
import dev.hallmark.core.ct.SctList;
import dev.hallmark.core.ct.SctVerifier;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerTest {
  @TempDir Path dir;

  private CaChain ca;
  private TestCa.CtLog ctLog;
  private Issuer issuer;

  @BeforeEach
  void setUp() throws Exception {
    ca = TestCa.generatedCa(dir);
    ctLog = new TestCa.CtLog(7);
    issuer =
        new Issuer(
            ca,
            new CertificateProfile(ca.issuer(), TestCa.CLOCK, TestCa.random(2)),
            ctLog,
            List.of(ctLog.trusted()));
  }

  @Test
  void issuesLeafWithEmbeddedSctThatVerifies() throws Exception {
    KeyPair subject = CaKeys.generateEc("secp256r1", TestCa.random(3));
    IssuedCertificate issued = issuer.issue(TestCa.email("dev@example.com"), subject.getPublic());

    X509Certificate leaf = issued.leaf();
    assertThat(issued.chain()).hasSize(3);
    assertThat(issued.chain().subList(1, 3)).isEqualTo(ca.certChain());
    assertThat(leaf.getPublicKey()).isEqualTo(subject.getPublic());
    leaf.verify(ca.issuer().getPublicKey());
    assertThat(SctList.fromCertificate(leaf).scts()).isEqualTo(issued.scts());
    new SctVerifier(1).verify(leaf, ca.issuer(), List.of(ctLog.trusted()));
    assertThat(issued.pemChain().get(0))
        .isEqualTo(PublicKeys.pem("CERTIFICATE", leaf.getEncoded()));
  }

  @Test
  void finalTbsWithoutSctListEqualsPrecertTbsWithoutPoison() throws Exception {
    KeyPair subject = CaKeys.generateEc("secp384r1", TestCa.random(4));
    X509Certificate leaf =
        issuer.issue(TestCa.email("dev@example.com"), subject.getPublic()).leaf();

    byte[] logged = ctLog.seenTbs.get(0);
    byte[] finalWithoutSct =
        Precertificates.encode(Precertificates.removeSctList(Precertificates.tbsOf(leaf)));
    assertThat(finalWithoutSct).isEqualTo(logged);

    X509Certificate precert = PublicKeys.parseCertificate(ctLog.seenPrecerts.get(0));
    precert.verify(ca.issuer().getPublicKey());
    assertThat(precert.getCriticalExtensionOIDs()).contains(Precertificates.POISON_OID.getId());
    assertThat(Precertificates.encode(Precertificates.removePoison(Precertificates.tbsOf(precert))))
        .isEqualTo(logged);
    assertThat(leaf.getExtensionValue(Precertificates.POISON_OID.getId())).isNull();
    assertThat(leaf.getNonCriticalExtensionOIDs()).contains(SctList.EXTENSION_OID.getId());
    assertThat(precert.getSerialNumber()).isEqualTo(leaf.getSerialNumber());
  }

  @Test
  void jdkPathValidationAcceptsTheChainForCodeSigning() throws Exception {
    KeyPair subject = CaKeys.generateEc("secp256r1", TestCa.random(5));
    IssuedCertificate issued = issuer.issue(TestCa.email("dev@example.com"), subject.getPublic());

    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    CertPath path = cf.generateCertPath(issued.chain().subList(0, 2));
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca.root(), null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(TestCa.NOW.plusSeconds(60)));
    CertPathValidator.getInstance("PKIX").validate(path, params);

    assertThat(issued.leaf().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");
    assertThat(ca.issuer().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");

    params.setDate(Date.from(TestCa.NOW.plusSeconds(601)));
    assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, params))
        .hasMessageContaining("validity check failed");
  }

  @Test
  void sctFromAnUntrustedLogIsNotHandedOut() throws Exception {
    TestCa.CtLog otherLog = new TestCa.CtLog(99);
    Issuer wrong =
        new Issuer(
            ca,
            new CertificateProfile(ca.issuer(), TestCa.CLOCK, TestCa.random(2)),
            otherLog,
            List.of(ctLog.trusted()));
    KeyPair subject = CaKeys.generateEc("secp256r1", TestCa.random(6));
    assertThatThrownBy(() -> wrong.issue(TestCa.email("dev@example.com"), subject.getPublic()))
        .isInstanceOf(IssuanceException.class)
        .hasMessageContaining("embedded SCT does not verify");
  }

  @Test
  void failingCtLogMeansNoCertificate() throws Exception {
    Issuer down =
        new Issuer(
            ca,
            new CertificateProfile(ca.issuer(), TestCa.CLOCK, TestCa.random(2)),
            (tbs, hash, precert) -> {
              throw new SctUnavailableException("ct log at 127.0.0.1 refused: storage full");
            },
            List.of(ctLog.trusted()));
    KeyPair subject = CaKeys.generateEc("secp256r1", TestCa.random(6));
    assertThatThrownBy(() -> down.issue(TestCa.email("dev@example.com"), subject.getPublic()))
        .isInstanceOf(IssuanceException.class)
        .hasMessageContaining("no SCT for the precertificate: ct log at 127.0.0.1 refused");
  }

  @Test
  void weakKeyIsRejectedBeforeAnythingIsSigned() throws Exception {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(1024, TestCa.random(8));
    KeyPair weak = g.generateKeyPair();
    assertThatThrownBy(() -> issuer.issue(TestCa.email("dev@example.com"), weak.getPublic()))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("RSA key size 1024");
    assertThat(ctLog.seenTbs).isEmpty();
  }
}
