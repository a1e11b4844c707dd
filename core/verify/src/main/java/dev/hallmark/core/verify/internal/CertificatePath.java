package dev.hallmark.core.verify.internal;

import dev.hallmark.core.verify.VerificationException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds and checks the path from a signing certificate to a trusted certificate authority. The
 * trusted chains' internal links were checked when the trust material was built, so a path costs
 * one signature check.
 */
public final class CertificatePath {
  private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
  private static final Set<String> KNOWN_CRITICAL =
      Set.of("2.5.29.15", "2.5.29.37", "2.5.29.17", "2.5.29.19");

  private CertificatePath() {}

  /**
   * Returns the path leaf, CA chain (trust anchor last). The CA must have issued the leaf and its
   * {@code validFor} must contain the leaf's notBefore; certificates the bundle carries after the
   * leaf must be that CA's chain in order and never a self-signed root.
   */
  public static List<X509Certificate> build(
      X509Certificate leaf,
      List<X509Certificate> bundleIssuers,
      List<TrustedAuthority> cas,
      Certificates certs)
      throws VerificationException {
    for (int i = 0; i < bundleIssuers.size(); i++) {
      if (certs.selfSigned(bundleIssuers.get(i))) {
        throw new VerificationException(
            "certificate chain: the bundle's chain contains a self-signed root certificate"
                + " (certificate "
                + (i + 1)
                + "); a bundle must not carry the trust anchor");
      }
    }
    checkLeaf(leaf);
    Instant issued = leaf.getNotBefore().toInstant();
    List<String> outside = new ArrayList<>();
    for (TrustedAuthority ca : cas) {
      if (!certs.issued(ca, leaf)) {
        continue;
      }
      if (!ca.authority().validFor().contains(issued)) {
        outside.add(ca.authority().uri() + " " + ca.authority().validFor());
        continue;
      }
      for (int i = 0; i < bundleIssuers.size(); i++) {
        if (i >= ca.chain().size() || !ca.chain().get(i).equals(bundleIssuers.get(i))) {
          throw new VerificationException(
              "certificate chain: the bundle's certificate "
                  + (i + 1)
                  + " is not the trusted CA's certificate "
                  + i);
        }
      }
      List<X509Certificate> path = new ArrayList<>();
      path.add(leaf);
      path.addAll(ca.chain());
      return path;
    }
    if (!outside.isEmpty()) {
      throw new VerificationException(
          "certificate chain: the signing certificate was issued at "
              + issued
              + ", outside the validity of its CA: "
              + String.join("; ", outside));
    }
    throw new VerificationException(
        "certificate chain: the signing certificate (issuer "
            + leaf.getIssuerX500Principal().getName()
            + ") was not issued by any trusted certificate authority");
  }

  /** Every certificate of {@code path} must be valid at {@code t}. */
  public static void checkValidAt(List<X509Certificate> path, Instant t, String source)
      throws VerificationException {
    for (int i = 0; i < path.size(); i++) {
      X509Certificate c = path.get(i);
      if (!Certificates.validAt(c, t)) {
        throw new VerificationException(
            "certificate validity: "
                + source
                + " "
                + t
                + " is outside the validity ["
                + c.getNotBefore().toInstant()
                + ", "
                + c.getNotAfter().toInstant()
                + "] of "
                + (i == 0 ? "the signing certificate" : "CA certificate " + i));
      }
    }
  }

  private static void checkLeaf(X509Certificate leaf) throws VerificationException {
    Set<String> critical = leaf.getCriticalExtensionOIDs();
    if (critical != null) {
      for (String oid : critical) {
        if (!KNOWN_CRITICAL.contains(oid)) {
          throw new VerificationException(
              "certificate chain: the signing certificate has unknown critical extension " + oid);
        }
      }
    }
    if (leaf.getBasicConstraints() >= 0) {
      throw new VerificationException("certificate chain: the signing certificate is a CA");
    }
    try {
      List<String> eku = leaf.getExtendedKeyUsage();
      if (eku == null || !eku.contains(CODE_SIGNING)) {
        throw new VerificationException(
            "certificate chain: the signing certificate lacks extended key usage codeSigning");
      }
    } catch (CertificateParsingException e) {
      throw new VerificationException(
          "certificate chain: the signing certificate's extended key usage is malformed", e);
    }
  }
}
