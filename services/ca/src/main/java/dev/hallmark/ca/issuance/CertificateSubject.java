package dev.hallmark.ca.issuance;

import dev.hallmark.ca.identity.Principal;
import dev.hallmark.ca.identity.SubjectAltName;
import dev.hallmark.ca.issuance.internal.FulcioOids;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who a leaf certificate is for: its only Subject Alternative Name and the Fulcio extensions
 * ({@code 1.3.6.1.4.1.57264.1.*}, dotted OID to text) in the order they appear in the certificate.
 * Arcs 1–6 are written as raw UTF-8 bytes, arc 8 and above as a DER UTF8String (spec §2.7); arc 7
 * is the OtherName SAN type and not an extension.
 *
 * @param san the SAN
 * @param extensions the extensions, insertion order kept
 */
public record CertificateSubject(SubjectAltName san, Map<String, String> extensions) {

  /**
   * Checks the OIDs and copies the map, keeping its order.
   *
   * @throws IllegalArgumentException if an OID is not {@code 1.3.6.1.4.1.57264.1.N} with N ≥ 1 and
   *     N ≠ 7, or a value is null
   */
  public CertificateSubject {
    Objects.requireNonNull(san, "san");
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : extensions.entrySet()) {
      FulcioOids.arc(e.getKey());
      copy.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    extensions = Collections.unmodifiableMap(copy);
  }

  /** The subject of the certificate for a verified token's principal. */
  public static CertificateSubject of(Principal principal) {
    return new CertificateSubject(principal.san(), principal.extensions());
  }
}
