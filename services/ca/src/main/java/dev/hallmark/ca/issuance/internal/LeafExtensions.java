package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.identity.FulcioExtension;
import dev.hallmark.ca.identity.SubjectAltName;
import dev.hallmark.ca.issuance.CertificateSubject;
import dev.hallmark.ca.issuance.RequestRejectedException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The extensions of a Fulcio leaf, in order: KeyUsage (critical), ExtKeyUsage, SKI, AKI, SAN
 * (critical, the subject being empty), then the Fulcio extensions.
 */
public final class LeafExtensions {
  private LeafExtensions() {}

  /**
   * Builds the list.
   *
   * @throws RequestRejectedException if the SAN is not a valid name of its form
   */
  public static List<Extension> build(
      CertificateSubject subject, SubjectPublicKeyInfo subjectKey, byte[] issuerKeyId)
      throws RequestRejectedException {
    List<Extension> out = new ArrayList<>();
    out.add(ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)));
    out.add(
        ext(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning)));
    out.add(
        ext(
            Extension.subjectKeyIdentifier,
            false,
            new SubjectKeyIdentifier(Certificates.keyIdentifier(subjectKey))));
    out.add(ext(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId)));
    out.add(ext(Extension.subjectAlternativeName, true, new GeneralNames(name(subject.san()))));
    for (Map.Entry<String, String> e : subject.extensions().entrySet()) {
      byte[] utf8 = e.getValue().getBytes(StandardCharsets.UTF_8);
      ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(e.getKey());
      out.add(
          FulcioOids.rawEncoding(e.getKey())
              ? new Extension(oid, false, utf8)
              : ext(oid, false, new DERUTF8String(e.getValue())));
    }
    return out;
  }

  /**
   * The GeneralName for {@code san}: rfc822Name, uniformResourceIdentifier, or an otherName of type
   * {@code 1.3.6.1.4.1.57264.1.7} holding a UTF8String.
   *
   * @throws RequestRejectedException if an email or URI is not ASCII (IA5String) or malformed
   */
  static GeneralName name(SubjectAltName san) throws RequestRejectedException {
    String v = san.value();
    switch (san.type()) {
      case EMAIL:
        int at = v.indexOf('@');
        if (!ascii(v) || at <= 0 || at != v.lastIndexOf('@') || at == v.length() - 1) {
          throw new RequestRejectedException("SAN email address is malformed: " + v);
        }
        return new GeneralName(GeneralName.rfc822Name, v);
      case URI:
        try {
          if (!ascii(v) || !new URI(v).isAbsolute()) {
            throw new RequestRejectedException("SAN URI is not an absolute ASCII URI: " + v);
          }
        } catch (URISyntaxException e) {
          throw new RequestRejectedException("SAN URI is malformed: " + v, e);
        }
        return new GeneralName(GeneralName.uniformResourceIdentifier, v);
      default:
        return new GeneralName(
            GeneralName.otherName,
            new OtherName(
                new ASN1ObjectIdentifier(FulcioExtension.OTHER_NAME_SAN_OID),
                new DERUTF8String(v)));
    }
  }

  private static boolean ascii(String s) {
    return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  private static Extension ext(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    try {
      return new Extension(oid, critical, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalStateException("cannot DER-encode extension " + oid, e);
    }
  }
}
