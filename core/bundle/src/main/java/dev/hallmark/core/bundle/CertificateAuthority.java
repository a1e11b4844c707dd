package dev.hallmark.core.bundle;

import java.util.List;
import java.util.Objects;

/**
 * A certificate or timestamp authority listed in a trusted root.
 *
 * @param subjectOrganization the subject's organization ("" if absent)
 * @param subjectCommonName the subject's common name ("" if absent)
 * @param uri the authority's URI
 * @param certChain DER certificates: for a CA, issuers in order, the last the trust anchor; for a
 *     TSA, the signing certificate first
 * @param validFor when the authority may be used
 */
public record CertificateAuthority(
    String subjectOrganization,
    String subjectCommonName,
    String uri,
    List<Bytes> certChain,
    ValidityPeriod validFor) {
  /** Validates. @throws IllegalArgumentException if the chain is empty */
  public CertificateAuthority {
    Objects.requireNonNull(subjectOrganization, "subjectOrganization");
    Objects.requireNonNull(subjectCommonName, "subjectCommonName");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(validFor, "validFor");
    certChain = List.copyOf(certChain);
    if (certChain.isEmpty()) {
      throw new IllegalArgumentException("authority " + uri + " has an empty certChain");
    }
  }
}
