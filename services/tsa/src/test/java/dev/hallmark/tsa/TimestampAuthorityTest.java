package dev.hallmark.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens as Sigstore clients and BouncyCastle verifiers need them (spec §12): granted status, nonce
 * and imprint echoed, genTime from the clock, accuracy, policy, sid = issuer and serial, ESS
 * signingCertificateV2, certificates only on request; and every refusal.
 */
class TimestampAuthorityTest {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW.plusMillis(700), ZoneOffset.UTC);

  @TempDir static Path dir;
  static TsaSigningKey key;
  static TimestampAuthority tsa;

  @BeforeAll
  static void generate() throws Exception {
    key =
        TsaKeyFiles.loadOrGenerate(
            dir, "Hallmark", Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
    tsa = new TimestampAuthority(key, TsaPolicy.defaults(), CLOCK, new SecureRandom());
  }

  static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256")
        .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static TimeStampRequest bcRequest(boolean certReq, BigInteger nonce) throws Exception {
    TimeStampRequestGenerator g = new TimeStampRequestGenerator();
    g.setCertReq(certReq);
    return g.generate(new ASN1ObjectIdentifier("2.16.840.1.101.3.4.2.1"), sha256("sig"), nonce);
  }

  @Test
  void grantedTokenVerifiesWithTheChainAndEchoesTheRequest() throws Exception {
    BigInteger nonce = new BigInteger("1234567890123456789");
    TimeStampRequest request = bcRequest(true, nonce);
    TimeStampResponse response =
        new TimeStampResponse(tsa.timestamp(TimestampRequest.fromDer(request.getEncoded())));
    response.validate(request); // status granted, nonce, imprint, policy, certReq honoured
    assertThat(response.getStatus()).isZero();
    TimeStampToken token = response.getTimeStampToken();
    X509Certificate leaf = key.chain().get(0);
    // BouncyCastle checks the signature, the ESS certificate ID and the critical timeStamping EKU
    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(leaf));
    assertThat(token.getTimeStampInfo().getGenTime()).isEqualTo(Date.from(NOW)); // whole seconds
    assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(nonce);
    assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo("1.3.6.1.4.1.57264.2");
    assertThat(token.getTimeStampInfo().getAccuracy().getSeconds().intValueExact()).isEqualTo(1);
    assertThat(token.getTimeStampInfo().isOrdered()).isFalse();
    assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(sha256("sig"));
    SignerInformation signer =
        token.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
    SignerIdentifier sid = signer.toASN1Structure().getSID();
    assertThat(sid.isTagged()).as("sid is IssuerAndSerialNumber").isFalse();
    assertThat(token.getSID().getSerialNumber()).isEqualTo(leaf.getSerialNumber());
    AttributeTable signed = signer.getSignedAttributes();
    assertThat(signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
    SigningCertificateV2.getInstance(
        signed
            .get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)
            .getAttrValues()
            .getObjectAt(0));
    assertThat(token.getCertificates().getMatches(null))
        .extracting(X509CertificateHolder::getSerialNumber)
        .containsExactly(leaf.getSerialNumber());
  }

  @Test
  void noCertificatesUnlessRequestedAndNoNonceWhenNoneWasSent() throws Exception {
    TimeStampRequest request = bcRequest(false, null);
    TimeStampResponse response =
        new TimeStampResponse(tsa.timestamp(TimestampRequest.fromDer(request.getEncoded())));
    response.validate(request);
    assertThat(response.getTimeStampToken().getCertificates().getMatches(null)).isEmpty();
    assertThat(response.getTimeStampToken().getTimeStampInfo().getNonce()).isNull();
  }

  @Test
  void serialNumbersDiffer() throws Exception {
    TimestampRequest r = TimestampRequest.fromDer(bcRequest(false, null).getEncoded());
    BigInteger a =
        new TimeStampResponse(tsa.timestamp(r))
            .getTimeStampToken()
            .getTimeStampInfo()
            .getSerialNumber();
    BigInteger b =
        new TimeStampResponse(tsa.timestamp(r))
            .getTimeStampToken()
            .getTimeStampInfo()
            .getSerialNumber();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void theWholeChainIsEmbeddedWhenConfigured() throws Exception {
    TimestampAuthority chained =
        new TimestampAuthority(
            key,
            new TsaPolicy(TsaPolicy.SIGSTORE_POLICY, Set.of(), Duration.ofMillis(250), true),
            CLOCK,
            new SecureRandom());
    TimeStampToken token =
        new TimeStampResponse(
                chained.timestamp(TimestampRequest.fromDer(bcRequest(true, null).getEncoded())))
            .getTimeStampToken();
    assertThat(token.getCertificates().getMatches(null)).hasSize(2);
    assertThat(token.getTimeStampInfo().getAccuracy().getMillis().intValueExact()).isEqualTo(250);
  }

  @Test
  void requestedPoliciesMustBeAccepted() throws Exception {
    TimestampAuthority withPolicies =
        new TimestampAuthority(
            key,
            new TsaPolicy(
                TsaPolicy.SIGSTORE_POLICY, Set.of("1.2.3.4"), Duration.ofSeconds(1), false),
            CLOCK,
            new SecureRandom());
    TimestampRequest ok =
        new TimestampRequest(
            ImprintAlgorithm.SHA256, sha256("x"), Optional.empty(), false, Optional.of("1.2.3.4"));
    assertThat(
            new TimeStampResponse(withPolicies.timestamp(ok))
                .getTimeStampToken()
                .getTimeStampInfo()
                .getPolicy()
                .getId())
        .isEqualTo("1.2.3.4");
    TimestampRequest other =
        new TimestampRequest(
            ImprintAlgorithm.SHA256, sha256("x"), Optional.empty(), false, Optional.of("1.2.3.5"));
    assertThatThrownBy(() -> withPolicies.timestamp(other))
        .isInstanceOf(TimestampRequestException.class)
        .hasMessageContaining("1.2.3.5 is not accepted");
  }

  @Test
  void sha1AndUnknownAlgorithmsAreRefused() throws Exception {
    TimeStampRequestGenerator g = new TimeStampRequestGenerator();
    byte[] sha1 = g.generate(OIWObjectIdentifiers.idSHA1, new byte[20]).getEncoded();
    assertThatThrownBy(() -> TimestampRequest.fromDer(sha1))
        .isInstanceOf(TimestampRequestException.class)
        .hasMessageContaining("SHA-1")
        .hasMessageContaining("sha256");
    byte[] md5 = g.generate(PKCSObjectIdentifiers.md5, new byte[16]).getEncoded();
    assertThatThrownBy(() -> TimestampRequest.fromDer(md5))
        .isInstanceOf(TimestampRequestException.class)
        .hasMessageContaining("unsupported");
    assertThatThrownBy(() -> ImprintAlgorithm.byName("sha1")).hasMessageContaining("weak");
  }

  @Test
  void malformedQueriesAreRefused() throws Exception {
    assertThatThrownBy(() -> TimestampRequest.fromDer(new byte[] {0x30, 0x03, 0x02, 0x01}))
        .isInstanceOf(TimestampRequestException.class)
        .hasMessageContaining("not a DER TimeStampReq");
    assertThatThrownBy(() -> TimestampRequest.fromDer(new byte[TimestampRequest.MAX_DER_BYTES + 1]))
        .hasMessageContaining("exceeds");
    // wrong imprint length for SHA-256
    byte[] shortImprint =
        new TimeStampRequestGenerator()
            .generate(new ASN1ObjectIdentifier("2.16.840.1.101.3.4.2.1"), new byte[31])
            .getEncoded();
    assertThatThrownBy(() -> TimestampRequest.fromDer(shortImprint))
        .hasMessageContaining("32 bytes");
    TimeStampRequestGenerator withExtension = new TimeStampRequestGenerator();
    withExtension.addExtension(new ASN1ObjectIdentifier("1.2.3.4"), false, new byte[] {5, 0});
    byte[] ext =
        withExtension
            .generate(new ASN1ObjectIdentifier("2.16.840.1.101.3.4.2.1"), new byte[32])
            .getEncoded();
    assertThatThrownBy(() -> TimestampRequest.fromDer(ext)).hasMessageContaining("extensions");
  }

  @Test
  void aResponseToAnotherRequestFailsValidation() throws Exception {
    TimeStampRequest request = bcRequest(true, BigInteger.TEN);
    TimeStampResponse other =
        new TimeStampResponse(
            tsa.timestamp(TimestampRequest.fromDer(bcRequest(true, BigInteger.ONE).getEncoded())));
    assertThatThrownBy(() -> other.validate(request))
        .isInstanceOf(TSPValidationException.class)
        .hasMessageContaining("nonce");
  }

  @Test
  void theGeneratedChainIsReloadedAndABrokenOneIsRefused(@TempDir Path other) throws Exception {
    TsaSigningKey again = TsaKeyFiles.loadOrGenerate(dir, "Hallmark", CLOCK, new SecureRandom());
    assertThat(again.chain()).isEqualTo(key.chain());
    TsaKeyFiles.loadOrGenerate(other, "Other", CLOCK, new SecureRandom());
    Files.copy(
        dir.resolve(TsaKeyFiles.CHAIN_FILE),
        other.resolve(TsaKeyFiles.CHAIN_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(
            () ->
                TsaKeyFiles.fromFiles(
                    other.resolve(TsaKeyFiles.CHAIN_FILE), other.resolve(TsaKeyFiles.KEY_FILE)))
        .isInstanceOf(TsaKeyException.class)
        .hasMessageContaining("not the TSA certificate's key");
  }
}
