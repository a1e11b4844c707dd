package dev.hallmark.core.verify;

import java.util.Map;
import java.util.Objects;

/**
 * Who must have signed: a subject alternative name (email, URI or DNS name) and an OIDC issuer
 * (Fulcio extension {@code 1.3.6.1.4.1.57264.1.8}, falling back to {@code .1.1}), and optionally
 * further Fulcio extensions by OID (e.g. {@code 1.3.6.1.4.1.57264.1.12} source repository URI) with
 * the exact value each must have.
 *
 * @param subjectAlternativeName matches one of the certificate's SANs
 * @param issuer matches the issuer extension
 * @param extensions OID to exact expected value (may be empty)
 */
public record CertificateIdentity(
    StringMatcher subjectAlternativeName, StringMatcher issuer, Map<String, String> extensions) {
  /** Copies the map. */
  public CertificateIdentity {
    Objects.requireNonNull(subjectAlternativeName, "subjectAlternativeName");
    Objects.requireNonNull(issuer, "issuer");
    extensions = Map.copyOf(extensions);
  }

  /** An identity with exact SAN and issuer and no further extensions. */
  public static CertificateIdentity exact(String san, String issuer) {
    return new CertificateIdentity(StringMatcher.exact(san), StringMatcher.exact(issuer), Map.of());
  }
}
