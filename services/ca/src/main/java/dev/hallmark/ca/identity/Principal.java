package dev.hallmark.ca.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The identity a verified token proves, in the form the CA puts into a certificate.
 *
 * @param issuer the token's {@code iss} (for wildcard issuers the concrete URL, not the pattern)
 * @param issuerType the configured type that produced this principal
 * @param subject the token's {@code sub}
 * @param san the certificate's only Subject Alternative Name
 * @param challenges the strings a proof of possession may sign, in preference order: {@code sub},
 *     then the email address when the token has one (both accepted, see {@link ProofOfPossession})
 * @param extensions Fulcio extensions to put in the certificate, dotted OID to text, ordered by OID
 *     (always 1.1 and 1.8 = issuer and 1.24 = {@code sub}); encodings per {@link FulcioExtension}
 */
public record Principal(
    String issuer,
    IssuerType issuerType,
    String subject,
    SubjectAltName san,
    List<String> challenges,
    Map<String, String> extensions) {

  /** Checks the parts and copies the collections, keeping the extension order. */
  public Principal {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(issuerType, "issuerType");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(san, "san");
    challenges = List.copyOf(challenges);
    if (challenges.isEmpty()) {
      throw new IllegalArgumentException("a principal needs at least one PoP challenge");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : extensions.entrySet()) {
      if (!e.getKey().startsWith(FulcioExtension.ARC + ".")) {
        throw new IllegalArgumentException("not a Fulcio extension OID: " + e.getKey());
      }
      copy.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    for (FulcioExtension required :
        List.of(
            FulcioExtension.ISSUER_V1, FulcioExtension.ISSUER_V2, FulcioExtension.TOKEN_SUBJECT)) {
      if (!copy.containsKey(required.oid())) {
        throw new IllegalArgumentException("missing required extension " + required.oid());
      }
    }
    extensions = Collections.unmodifiableMap(copy);
  }

  /** The value of one extension, or null if the certificate will not carry it. */
  public String extension(FulcioExtension extension) {
    return extensions.get(extension.oid());
  }
}
