package dev.hallmark.core.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedded SCTs of the real public-good (and staging, and test-instance) certificates of
 * sigstore-conformance, verified against each case's trusted root {@code ctlogs}.
 */
class ConformanceVectorsTest {
  static List<ConformanceVector> vectors() throws Exception {
    return ConformanceVector.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void sctsVerifyAgainstTheTrustedRoot(ConformanceVector v) throws Exception {
    SctVerifier verifier = new SctVerifier(1);
    if (v.expectPass()) {
      verifier.verify(v.leaf(), v.issuer(), v.logs());
    } else {
      assertThatThrownBy(() -> verifier.verify(v.leaf(), v.issuer(), v.logs()))
          .isInstanceOf(SctVerificationException.class)
          .hasMessageContaining(v.note());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void sctListRoundTripsByteForByte(ConformanceVector v) throws Exception {
    byte[] wrapped = v.leaf().getExtensionValue(SctList.EXTENSION_OID.getId());
    SctList list = SctList.fromCertificate(v.leaf());
    assertThat(new org.bouncycastle.asn1.DEROctetString(list.toExtensionValue()).getEncoded())
        .isEqualTo(wrapped);
    for (SignedCertificateTimestamp sct : list.scts()) {
      assertThat(SignedCertificateTimestamp.decode(sct.encode())).isEqualTo(sct);
      assertThat(sct.hashAlgorithm()).isEqualTo(TlsHashAlgorithm.SHA256);
      assertThat(sct.signatureAlgorithm()).isEqualTo(TlsSignatureAlgorithm.ECDSA);
    }
    if (v.name().equals("bundle-with-sct-with-extensions")) {
      assertThat(list.scts()).allMatch(s -> s.extensions().length > 0);
    }
  }
}
