package dev.hallmark.core.verify.internal;

import dev.hallmark.core.bundle.CertificateAuthority;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.SignatureVerifier;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * A certificate or timestamp authority with its chain parsed and its internal links checked once,
 * and a reusable verifier for what its first certificate signs (BouncyCastle keeps the key's
 * precomputed multiples between calls), or null if its key has no supported scheme.
 *
 * @param authority the trusted-root entry
 * @param chain the parsed chain, in trusted-root order
 * @param issuerVerifier verifies signatures by {@code chain.get(0)}'s key, or null
 */
public record TrustedAuthority(
    CertificateAuthority authority, List<X509Certificate> chain, SignatureVerifier issuerVerifier) {
  /** X.509 signature algorithm OIDs and the scheme each means with a key of the right type. */
  private static final Map<String, List<KeyDetails>> SIGNATURE_ALGORITHMS =
      Map.of(
          "1.2.840.10045.4.3.2", List.of(KeyDetails.PKIX_ECDSA_P256_SHA_256),
          "1.2.840.10045.4.3.3", List.of(KeyDetails.PKIX_ECDSA_P384_SHA_384),
          "1.2.840.10045.4.3.4", List.of(KeyDetails.PKIX_ECDSA_P521_SHA_512),
          "1.3.101.112", List.of(KeyDetails.PKIX_ED25519),
          "1.2.840.113549.1.1.11",
              List.of(
                  KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256,
                  KeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256,
                  KeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256));

  /** Copies the chain. */
  public TrustedAuthority {
    chain = List.copyOf(chain);
  }

  /** True if the fast verifier checks signatures made with the algorithm {@code sigAlgOid}. */
  boolean verifierFits(String sigAlgOid) {
    return issuerVerifier != null
        && SIGNATURE_ALGORITHMS
            .getOrDefault(sigAlgOid, List.of())
            .contains(issuerVerifier.details());
  }
}
