package dev.hallmark.cli.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/** The identity in a verified signing certificate, for the report. */
public final class CertificateNames {
  private static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
  private static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";

  private CertificateNames() {}

  /** The first email, URI or DNS subject alternative name. */
  public static String san(X509Certificate cert) {
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> n : names) {
          int type = (Integer) n.get(0);
          if ((type == 1 || type == 2 || type == 6) && n.get(1) instanceof String) {
            return (String) n.get(1);
          }
        }
      }
    } catch (CertificateParsingException e) {
      return "(unreadable SAN)";
    }
    return "(no SAN)";
  }

  /** The OIDC issuer extension (v2 DER UTF8String, else the v1 raw bytes). */
  public static String issuer(X509Certificate cert) {
    try {
      byte[] v2 = cert.getExtensionValue(ISSUER_V2);
      if (v2 != null) {
        ASN1Primitive p = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(v2).getOctets());
        if (p instanceof ASN1String) {
          return ((ASN1String) p).getString();
        }
      }
      byte[] v1 = cert.getExtensionValue(ISSUER_V1);
      if (v1 != null) {
        return new String(ASN1OctetString.getInstance(v1).getOctets(), StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException e) {
      return "(unreadable)";
    }
    return "(none)";
  }
}
