package dev.hallmark.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.Signers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuer keys: generated once and kept; RSA accepted; other curves and small keys refused. */
class IssuerKeyTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir Path dir;

  @Test
  void generatedOnceThenLoaded() throws Exception {
    Path file = dir.resolve("keys").resolve("oidc-issuer.pem");
    IssuerKey first = IssuerKey.loadOrCreate(file, RANDOM);
    assertThat(first.algorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    IssuerKey again = IssuerKey.loadOrCreate(file, RANDOM);
    assertThat(again.publicJwk()).isEqualTo(first.publicJwk());
    assertThat(again.publicJwk().getKeyID()).isEqualTo(first.publicJwk().getKeyID());
  }

  @Test
  void rsaKeyFileSignsRs256() throws Exception {
    KeyPair pair = Signers.generate(KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256, RANDOM);
    Path file = dir.resolve("rsa.pem");
    Files.writeString(file, PrivateKeys.writePkcs8Pem(pair));
    IssuerKey key = IssuerKey.loadOrCreate(file, RANDOM);
    assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.RS256);
    Clock fixed = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    TokenIssuer issuer =
        new TokenIssuer("http://localhost:1", key, Duration.ofSeconds(60), fixed, RANDOM);
    SignedJWT jwt =
        SignedJWT.parse(issuer.issue(new TokenRequest("a@example.com", null, null)).jwt());
    assertThat(jwt.verify(new RSASSAVerifier((RSAKey) key.publicJwk()))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(fixed.instant());
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
        .isEqualTo(fixed.instant().plusSeconds(60));
  }

  @Test
  void otherKeysAreRefused() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp384r1"));
    Path p384 = dir.resolve("p384.pem");
    Files.writeString(p384, PrivateKeys.writePkcs8Pem(g.generateKeyPair()));
    assertThatThrownBy(() -> IssuerKey.loadOrCreate(p384, RANDOM))
        .hasMessageContaining("use ECDSA P-256 or RSA");
    Path ed = dir.resolve("ed.pem");
    Files.writeString(
        ed, PrivateKeys.writePkcs8Pem(Signers.generate(KeyDetails.PKIX_ED25519, RANDOM)));
    assertThatThrownBy(() -> IssuerKey.loadOrCreate(ed, RANDOM))
        .hasMessageContaining("use ECDSA P-256 or RSA");
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "not a key");
    assertThatThrownBy(() -> IssuerKey.loadOrCreate(junk, RANDOM))
        .hasMessageContaining("is not a PKCS#8 PEM key");
  }
}
