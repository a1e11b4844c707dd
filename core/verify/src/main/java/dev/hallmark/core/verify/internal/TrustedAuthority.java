package dev.hallmark.core.verify.internal;

import dev.hallmark.core.bundle.CertificateAuthority;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate or timestamp authority with its chain parsed and its internal links checked once.
 *
 * @param authority the trusted-root entry
 * @param chain the parsed chain, in trusted-root order
 */
public record TrustedAuthority(CertificateAuthority authority, List<X509Certificate> chain) {
  /** Copies the chain. */
  public TrustedAuthority {
    chain = List.copyOf(chain);
  }
}
