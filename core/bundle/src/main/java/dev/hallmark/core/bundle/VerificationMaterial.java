package dev.hallmark.core.bundle;

import java.util.List;
import java.util.Objects;

/**
 * What the signature verifies with: a certificate (v0.3 {@code certificate}), a certificate chain
 * (v0.1/v0.2 {@code x509CertificateChain}, leaf first) or a managed key named by an opaque hint.
 *
 * @param kind which of the three forms the bundle used
 * @param certificates DER certificates, leaf first (one for {@link Kind#CERTIFICATE}, none for
 *     {@link Kind#PUBLIC_KEY})
 * @param publicKeyHint the key hint ({@link Kind#PUBLIC_KEY} only; may be empty)
 */
public record VerificationMaterial(Kind kind, List<Bytes> certificates, String publicKeyHint) {
  /** The form of the verification material. */
  public enum Kind {
    CERTIFICATE,
    CERTIFICATE_CHAIN,
    PUBLIC_KEY
  }

  /** Validates. @throws IllegalArgumentException if the certificates do not fit the kind */
  public VerificationMaterial {
    Objects.requireNonNull(kind, "kind");
    certificates = List.copyOf(certificates);
    Objects.requireNonNull(publicKeyHint, "publicKeyHint");
    if (kind == Kind.PUBLIC_KEY ? !certificates.isEmpty() : certificates.isEmpty()) {
      throw new IllegalArgumentException(
          kind + " material with " + certificates.size() + " certificate(s)");
    }
    if (kind == Kind.CERTIFICATE && certificates.size() != 1) {
      throw new IllegalArgumentException("a certificate material holds exactly one certificate");
    }
    for (Bytes c : certificates) {
      if (c.isEmpty()) {
        throw new IllegalArgumentException("empty certificate");
      }
    }
  }

  /** The leaf certificate (DER); only for the certificate kinds. */
  public Bytes leaf() {
    if (kind == Kind.PUBLIC_KEY) {
      throw new IllegalStateException("managed-key material has no certificate");
    }
    return certificates.get(0);
  }
}
