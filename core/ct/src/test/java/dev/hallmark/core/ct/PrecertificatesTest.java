package dev.hallmark.core.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.ct.internal.TbsExtensions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The poison / SCT list transformations keep every other extension in place. */
class PrecertificatesTest {
  private static final X500Name NAME = new X500Name("CN=x");

  private static TestPki pki;

  private static TBSCertificate tbs(Random r, int n) throws Exception {
    if (pki == null) {
      pki = new TestPki(new SecureRandom(new byte[] {1}));
    }
    List<Extension> exts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      exts.add(
          new Extension(
              new ASN1ObjectIdentifier("1.3.6.1.4.1.57264.1." + (i + 1)),
              r.nextBoolean(),
              new DERUTF8String("v" + r.nextInt()).getEncoded()));
    }
    Collections.shuffle(exts, r);
    byte[] spki =
        Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom(new byte[] {2}))
            .getPublic()
            .getEncoded();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return pki.tbs(NAME, NAME, spki, t, t.plusSeconds(60), exts);
  }

  private static SctList someScts(Random r) {
    return SctList.of(WireFormatTest.randomSct(r));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 13})
  void finalTbsWithoutSctsEqualsPrecertWithoutPoison(int n) throws Exception {
    Random r = new Random(n);
    TBSCertificate plain = tbs(r, n);
    // The poison anywhere among the other extensions, not only last.
    List<Extension> exts = TbsExtensions.list(plain);
    exts.add(r.nextInt(exts.size() + 1), Precertificates.poisonExtension());
    TBSCertificate precert = TbsExtensions.replace(plain, exts);
    for (TBSCertificate p : List.of(Precertificates.addPoison(plain), precert)) {
      assertThat(Precertificates.isPrecertificate(p)).isTrue();
      byte[] signed = Precertificates.encode(Precertificates.removePoison(p));
      assertThat(signed).isEqualTo(Precertificates.encode(plain));
      TBSCertificate fin = Precertificates.embedScts(p, someScts(r));
      assertThat(Precertificates.isPrecertificate(fin)).isFalse();
      assertThat(Precertificates.encode(Precertificates.removeSctList(fin))).isEqualTo(signed);
      List<ASN1ObjectIdentifier> before = oids(p);
      before.set(before.indexOf(Precertificates.POISON_OID), SctList.EXTENSION_OID);
      assertThat(oids(fin)).isEqualTo(before);
      assertThat(Precertificates.parseTbs(Precertificates.encode(fin)).getEncoded("DER"))
          .isEqualTo(Precertificates.encode(fin));
    }
  }

  @Test
  void onlyThePoisonLeavesNoExtensionsField() throws Exception {
    TBSCertificate plain = TbsExtensions.replace(tbs(new Random(1), 1), List.of());
    assertThat(plain.getExtensions()).isNull();
    TBSCertificate p = Precertificates.addPoison(plain);
    assertThat(oids(p)).containsExactly(Precertificates.POISON_OID);
    assertThat(Precertificates.encode(Precertificates.removePoison(p)))
        .isEqualTo(Precertificates.encode(plain));
  }

  @Test
  void misuseIsReported() throws Exception {
    Random r = new Random(3);
    TBSCertificate plain = tbs(r, 3);
    TBSCertificate p = Precertificates.addPoison(plain);
    assertThatThrownBy(() -> Precertificates.removePoison(plain))
        .isInstanceOf(CtFormatException.class)
        .hasMessageContaining("no poison extension");
    assertThatThrownBy(() -> Precertificates.removeSctList(p))
        .hasMessageContaining("no SCT list extension");
    assertThatThrownBy(() -> Precertificates.addPoison(p)).hasMessageContaining("already");
    TBSCertificate fin = Precertificates.embedScts(p, someScts(r));
    assertThatThrownBy(() -> Precertificates.addPoison(fin)).hasMessageContaining("already");
    assertThatThrownBy(() -> Precertificates.embedScts(fin, someScts(r)))
        .hasMessageContaining("already carries an SCT list");

    List<Extension> exts = TbsExtensions.list(plain);
    exts.add(new Extension(Precertificates.POISON_OID, false, new byte[] {5, 0}));
    TBSCertificate nonCritical = TbsExtensions.replace(plain, exts);
    assertThatThrownBy(() -> Precertificates.removePoison(nonCritical))
        .hasMessageContaining("not critical");
    exts.set(
        exts.size() - 1,
        new Extension(
            Precertificates.POISON_OID, true, new DEROctetString(new byte[0]).getEncoded()));
    TBSCertificate notNull = TbsExtensions.replace(plain, exts);
    assertThatThrownBy(() -> Precertificates.removePoison(notNull))
        .hasMessageContaining("not ASN.1 NULL");

    assertThatThrownBy(() -> Precertificates.parseTbs(new byte[] {0x30, 0x00}))
        .isInstanceOf(CtFormatException.class);
    byte[] der = Precertificates.encode(plain);
    byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
    assertThatThrownBy(() -> Precertificates.parseTbs(trailing))
        .isInstanceOf(CtFormatException.class);
  }

  private static List<ASN1ObjectIdentifier> oids(TBSCertificate tbs) throws Exception {
    List<ASN1ObjectIdentifier> out = new ArrayList<>();
    for (Extension e : TbsExtensions.list(tbs)) {
      out.add(e.getExtnId());
    }
    return out;
  }
}
