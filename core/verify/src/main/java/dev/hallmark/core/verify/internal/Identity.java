package dev.hallmark.core.verify.internal;

import dev.hallmark.core.verify.CertificateIdentity;
import dev.hallmark.core.verify.VerificationException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * Checks the signing certificate against a {@link CertificateIdentity}: a SAN (email, URI or DNS)
 * matches, the OIDC issuer extension ({@code .1.8} as a DER string, falling back to the deprecated
 * raw {@code .1.1}) matches, and each named extension has its exact value.
 */
public final class Identity {
  private static final String FULCIO = "1.3.6.1.4.1.57264.1.";
  private static final String ISSUER_V2 = FULCIO + "8";
  private static final String ISSUER_V1 = FULCIO + "1";
  private static final Set<String> RAW =
      Set.of(FULCIO + "1", FULCIO + "2", FULCIO + "3", FULCIO + "4", FULCIO + "5", FULCIO + "6");

  private Identity() {}

  /** Verifies the identity; the message shows what the certificate has. */
  public static void check(X509Certificate leaf, CertificateIdentity expected)
      throws VerificationException {
    List<String> sans = sans(leaf);
    if (sans.stream().noneMatch(expected.subjectAlternativeName()::matches)) {
      throw new VerificationException(
          "identity: the certificate's subject alternative names "
              + sans
              + " do not match "
              + expected.subjectAlternativeName());
    }
    String issuer = extension(leaf, ISSUER_V2);
    if (issuer == null) {
      issuer = extension(leaf, ISSUER_V1);
    }
    if (issuer == null) {
      throw new VerificationException("identity: the certificate has no OIDC issuer extension");
    }
    if (!expected.issuer().matches(issuer)) {
      throw new VerificationException(
          "identity: the certificate's OIDC issuer \""
              + issuer
              + "\" does not match "
              + expected.issuer());
    }
    for (Map.Entry<String, String> e : expected.extensions().entrySet()) {
      String value = extension(leaf, e.getKey());
      if (!e.getValue().equals(value)) {
        throw new VerificationException(
            "identity: certificate extension "
                + e.getKey()
                + " is "
                + (value == null ? "absent" : "\"" + value + "\"")
                + ", expected \""
                + e.getValue()
                + "\"");
      }
    }
  }

  private static List<String> sans(X509Certificate leaf) throws VerificationException {
    List<String> out = new ArrayList<>();
    try {
      Collection<List<?>> names = leaf.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> n : names) {
          int type = (Integer) n.get(0);
          if ((type == 1 || type == 2 || type == 6) && n.get(1) instanceof String) {
            out.add((String) n.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      throw new VerificationException("identity: the certificate's SAN extension is malformed", e);
    }
    return out;
  }

  /** The text of a Fulcio extension, or null if absent. */
  static String extension(X509Certificate leaf, String oid) throws VerificationException {
    byte[] wrapped = leaf.getExtensionValue(oid);
    if (wrapped == null) {
      return null;
    }
    try {
      byte[] octets = ASN1OctetString.getInstance(wrapped).getOctets();
      if (RAW.contains(oid)) {
        return new String(octets, StandardCharsets.UTF_8);
      }
      ASN1Primitive p = ASN1Primitive.fromByteArray(octets);
      if (!(p instanceof ASN1String)) {
        throw new VerificationException("identity: extension " + oid + " is not a DER string");
      }
      return ((ASN1String) p).getString();
    } catch (java.io.IOException | RuntimeException e) {
      throw new VerificationException("identity: extension " + oid + " is malformed", e);
    }
  }
}
