package dev.hallmark.ca.issuance;

import dev.hallmark.ca.issuance.internal.Certificates;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.ct.SignedCertificateTimestamp;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate the CA issued, with what the Fulcio response needs.
 *
 * @param chain leaf, intermediate… root: the order of {@code signedCertificateEmbeddedSct.chain}
 * @param scts the SCTs embedded in the leaf
 */
public record IssuedCertificate(
    List<X509Certificate> chain, List<SignedCertificateTimestamp> scts) {

  /** Copies the lists; the chain holds at least the leaf and its issuer, and SCTs are present. */
  public IssuedCertificate {
    chain = List.copyOf(chain);
    scts = List.copyOf(scts);
    if (chain.size() < 2) {
      throw new IllegalArgumentException("an issued chain holds the leaf and at least its issuer");
    }
    if (scts.isEmpty()) {
      throw new IllegalArgumentException("an issued certificate carries at least one SCT");
    }
  }

  /** The leaf certificate. */
  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** The chain as Go-style PEM strings, leaf first (for {@code chain.certificates}). */
  public List<String> pemChain() {
    List<String> out = new ArrayList<>();
    for (X509Certificate cert : chain) {
      out.add(PublicKeys.pem("CERTIFICATE", Certificates.der(cert)));
    }
    return List.copyOf(out);
  }
}
