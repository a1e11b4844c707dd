package dev.hallmark.ca.issuance;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * Everything of a leaf's TBSCertificate that {@link CertificateProfile} decides: the precertificate
 * is {@link #tbs} plus the CT poison, the final certificate the same with the SCT list in the
 * poison's place. Immutable.
 */
public final class LeafTemplate {
  private static final X500Name EMPTY_SUBJECT = new X500Name(new RDN[0]);

  private final X500Name issuer;
  private final BigInteger serial;
  private final Instant notBefore;
  private final Instant notAfter;
  private final SubjectPublicKeyInfo subjectKey;
  private final List<Extension> extensions;

  LeafTemplate(
      X500Name issuer,
      BigInteger serial,
      Instant notBefore,
      Instant notAfter,
      SubjectPublicKeyInfo subjectKey,
      List<Extension> extensions) {
    this.issuer = issuer;
    this.serial = serial;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.subjectKey = subjectKey;
    this.extensions = List.copyOf(extensions);
  }

  /** The serial number. */
  public BigInteger serial() {
    return serial;
  }

  /** The start of validity (whole seconds). */
  public Instant notBefore() {
    return notBefore;
  }

  /** The end of validity (whole seconds). */
  public Instant notAfter() {
    return notAfter;
  }

  /** The profile's extensions, in certificate order, without a CT extension. */
  public List<Extension> extensions() {
    return extensions;
  }

  /**
   * The TBSCertificate signed with {@code signature}, carrying the profile's extensions (no CT
   * extension: add the poison with {@code Precertificates.addPoison}).
   */
  public TBSCertificate tbs(AlgorithmIdentifier signature) {
    V3TBSCertificateGenerator generator = new V3TBSCertificateGenerator();
    generator.setSerialNumber(new ASN1Integer(serial));
    generator.setSignature(signature);
    generator.setIssuer(issuer);
    generator.setStartDate(new Time(Date.from(notBefore)));
    generator.setEndDate(new Time(Date.from(notAfter)));
    generator.setSubject(EMPTY_SUBJECT);
    generator.setSubjectPublicKeyInfo(subjectKey);
    generator.setExtensions(new Extensions(extensions.toArray(new Extension[0])));
    return generator.generateTBSCertificate();
  }
}
