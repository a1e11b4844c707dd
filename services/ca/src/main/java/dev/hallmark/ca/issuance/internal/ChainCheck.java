package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.issuance.CaChainException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/** Checks that a CA chain fits together and fits its signing key. */
public final class ChainCheck {
  private ChainCheck() {}

  /**
   * Checks that {@code chain} (intermediate… root) is non-empty, each certificate is a CA signed by
   * the next one, the last is self-signed, the first has a SubjectKeyIdentifier and certifies
   * {@code signingKey}.
   *
   * @throws CaChainException naming the first certificate that does not fit
   */
  public static void check(List<X509Certificate> chain, PublicKey signingKey)
      throws CaChainException {
    if (chain.isEmpty()) {
      throw new CaChainException("the CA chain is empty");
    }
    X509Certificate first = chain.get(0);
    if (!Arrays.equals(first.getPublicKey().getEncoded(), signingKey.getEncoded())) {
      throw new CaChainException(
          "CA certificate " + first.getSubjectX500Principal() + " does not certify the CA key");
    }
    Certificates.subjectKeyIdentifier(first);
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate cert = chain.get(i);
      X509Certificate signer = i + 1 < chain.size() ? chain.get(i + 1) : cert;
      String name = "CA certificate " + (i + 1) + " (" + cert.getSubjectX500Principal() + ")";
      if (cert.getBasicConstraints() < 0) {
        throw new CaChainException(name + " is not a CA (BasicConstraints CA:TRUE missing)");
      }
      if (!cert.getIssuerX500Principal().equals(signer.getSubjectX500Principal())) {
        throw new CaChainException(
            name
                + " is issued by "
                + cert.getIssuerX500Principal()
                + (signer == cert
                    ? "; the last certificate must be a self-signed root"
                    : ", not by the next one"));
      }
      try {
        cert.verify(signer.getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new CaChainException(
            name + (signer == cert ? " is not self-signed" : " is not signed by the next one"), e);
      }
    }
  }
}
