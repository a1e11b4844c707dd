package dev.hallmark.ca.issuance;

import dev.hallmark.ca.issuance.internal.Certificates;
import dev.hallmark.ca.issuance.internal.LeafExtensions;
import dev.hallmark.ca.issuance.internal.SubjectKeyCheck;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Fulcio's leaf certificate profile (spec §2.6) for one issuing CA certificate: validity now to now
 * + 10 minutes, an empty subject with a critical SAN holding exactly one name, KeyUsage
 * digitalSignature (critical), ExtKeyUsage codeSigning, a random positive serial of at most 159
 * bits (20 DER octets), SubjectKeyIdentifier, AuthorityKeyIdentifier = the issuer's SKI, then the
 * Fulcio extensions in the subject's order.
 */
public final class CertificateProfile {
  /** How long a leaf certificate is valid. */
  public static final Duration VALIDITY = Duration.ofMinutes(10);

  private static final int SERIAL_BITS = 159;

  private final X500Name issuer;
  private final byte[] issuerKeyId;
  private final Clock clock;
  private final SecureRandom random;

  /**
   * @param issuer the CA certificate that signs the leaves
   * @param clock the source of NotBefore
   * @param random the source of serial numbers
   * @throws CaChainException if the issuer has no SubjectKeyIdentifier to refer to
   */
  public CertificateProfile(X509Certificate issuer, Clock clock, SecureRandom random)
      throws CaChainException {
    this.issuer = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    this.issuerKeyId = Certificates.subjectKeyIdentifier(issuer);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Builds the template of a leaf for {@code subject} certifying {@code subjectKey}.
   *
   * @throws RequestRejectedException if the key is not ECDSA P-256/P-384/P-521, RSA 2048/3072/4096
   *     with exponent 65537 or Ed25519, or the SAN is not a valid email, URI or OtherName
   */
  public LeafTemplate leaf(CertificateSubject subject, PublicKey subjectKey)
      throws RequestRejectedException {
    SubjectPublicKeyInfo spki = SubjectKeyCheck.check(subjectKey);
    Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new LeafTemplate(
        issuer,
        serial(),
        notBefore,
        notBefore.plus(VALIDITY),
        spki,
        LeafExtensions.build(subject, spki, issuerKeyId));
  }

  private BigInteger serial() {
    BigInteger serial;
    do {
      serial = new BigInteger(SERIAL_BITS, random);
    } while (serial.signum() == 0);
    return serial;
  }
}
