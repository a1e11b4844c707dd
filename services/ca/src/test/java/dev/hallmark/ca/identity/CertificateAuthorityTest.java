package dev.hallmark.ca.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.hallmark.ca.CertificateAuthority;
import dev.hallmark.ca.identity.TokenException.Reason;
import dev.hallmark.ca.issuance.CaChain;
import dev.hallmark.ca.issuance.CertificateProfile;
import dev.hallmark.ca.issuance.IssuedCertificate;
import dev.hallmark.ca.issuance.Issuer;
import dev.hallmark.ca.issuance.TestCa;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CA path with a real token issuer, CA chain and SCT signer: every bad-token case is
 * refused with its reason and nothing reaches the CT log or the CA key.
 */
class CertificateAuthorityTest {
  private static final long NOW = TestCa.NOW.getEpochSecond();
  @TempDir Path dir;
  private TestIssuer oidc;
  private RSAKey key;
  private TestCa.CtLog ct;
  private CertificateAuthority ca;
  private Signer subject;

  @BeforeEach
  void setUp() throws Exception {
    oidc = new TestIssuer("/oidc");
    key = TestIssuer.rsa("k1");
    oidc.publish(key);
    MutableClock clock = new MutableClock(TestCa.NOW);
    TokenVerifier tokens =
        new TokenVerifier(
            List.of(OidcIssuerConfig.exact(oidc.url, IssuerType.EMAIL)),
            new HttpJwksSource(HttpClient.newHttpClient(), clock),
            clock);
    CaChain chain = TestCa.generatedCa(dir);
    ct = new TestCa.CtLog(7);
    ca =
        new CertificateAuthority(
            tokens,
            new Issuer(
                chain,
                new CertificateProfile(chain.issuer(), TestCa.CLOCK, TestCa.random(3)),
                ct,
                List.of(ct.trusted())));
    subject =
        Signers.create(
            Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, TestCa.random(5)),
            KeyDetails.PKIX_ECDSA_P256_SHA_256);
  }

  @AfterEach
  void tearDown() {
    oidc.close();
  }

  private IssuedCertificate issue(String token, byte[] popOver) throws Exception {
    return ca.issue(token, subject.publicKey().getEncoded(), subject.sign(popOver));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void goodTokenAndProofGetACertificate() throws Exception {
    String token = TestIssuer.sign(key, oidc.emailClaims(NOW).build());
    IssuedCertificate byEmail = issue(token, utf8("alice@example.com"));
    assertThat(byEmail.leaf().getSubjectAlternativeNames())
        .containsExactly(List.of(1, "alice@example.com"));
    IssuedCertificate bySub = issue(token, utf8("user-123"));
    assertThat(bySub.leaf().getPublicKey()).isEqualTo(subject.publicKey());
    assertThat(ct.seenPrecerts).hasSize(2);
  }

  @Test
  void everyBadTokenIsRefusedAndNothingIsIssued() throws Exception {
    RSAKey stranger = TestIssuer.rsa("k1");
    RSAKey unknownKid = TestIssuer.rsa("nobody");
    String header = com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"none\"}").toString();
    String payload =
        com.nimbusds.jose.util.Base64URL.encode(oidc.emailClaims(NOW).build().toString())
            .toString();
    Map<String, Reason> cases =
        Map.ofEntries(
            Map.entry(TestIssuer.sign(key, oidc.emailClaims(NOW - 601).build()), Reason.EXPIRED),
            Map.entry(
                TestIssuer.sign(key, oidc.emailClaims(NOW + 120).build()), Reason.NOT_YET_VALID),
            Map.entry(
                TestIssuer.sign(key, oidc.emailClaims(NOW).audience("other").build()),
                Reason.WRONG_AUDIENCE),
            Map.entry(
                TestIssuer.sign(
                    key, oidc.emailClaims(NOW).issuer("https://wrong.example/oidc").build()),
                Reason.UNKNOWN_ISSUER),
            Map.entry(
                TestIssuer.sign(stranger, oidc.emailClaims(NOW).build()), Reason.BAD_SIGNATURE),
            Map.entry(header + "." + payload + ".", Reason.ALG_NONE),
            Map.entry(
                TestIssuer.sign(unknownKid, oidc.emailClaims(NOW).build()), Reason.UNKNOWN_KID),
            Map.entry(
                TestIssuer.sign(key, oidc.emailClaims(NOW).claim("email_verified", false).build()),
                Reason.EMAIL_NOT_VERIFIED),
            Map.entry("not.a.jwt", Reason.MALFORMED),
            Map.entry(
                TestIssuer.sign(
                    key,
                    new JWTClaimsSet.Builder(oidc.emailClaims(NOW).build())
                        .expirationTime((Date) null)
                        .build()),
                Reason.MISSING_CLAIM));
    for (var c : cases.entrySet()) {
      assertThatThrownBy(() -> issue(c.getKey(), utf8("alice@example.com")))
          .as(c.getValue().toString())
          .isInstanceOf(TokenException.class)
          .satisfies(e -> assertThat(((TokenException) e).reason()).isEqualTo(c.getValue()));
    }
    // A good token with a proof over something else, or a weak key: refused too.
    String good = TestIssuer.sign(key, oidc.emailClaims(NOW).build());
    assertThatThrownBy(() -> issue(good, utf8("mallory@example.com")))
        .isInstanceOf(ProofOfPossessionException.class);
    assertThat(ct.seenPrecerts).isEmpty();
  }
}
