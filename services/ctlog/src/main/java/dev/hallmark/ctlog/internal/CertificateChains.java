package dev.hallmark.ctlog.internal;

import dev.hallmark.core.ct.CtFormatException;
import dev.hallmark.core.ct.Precertificates;
import dev.hallmark.ctlog.CtChainException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a submitted chain: every certificate parses, each is signed by the next, and the last is
 * (or is signed by) an accepted root; for precertificates the first carries the poison.
 */
public final class CertificateChains {
  private static final int MAX_CHAIN = 10;
  private final List<X509Certificate> roots;
  // An instance, not registered globally: BouncyCastle verifies P-256/P-384 several times
  // faster than SunEC on JDK 17.
  private final java.security.Provider bouncyCastle =
      new org.bouncycastle.jce.provider.BouncyCastleProvider();

  public CertificateChains(List<X509Certificate> roots) {
    this.roots = List.copyOf(roots);
  }

  public List<X509Certificate> roots() {
    return roots;
  }

  public List<X509Certificate> validate(List<byte[]> der, boolean precert) throws CtChainException {
    if (der.isEmpty() || der.size() > MAX_CHAIN) {
      throw new CtChainException("a chain has 1 to " + MAX_CHAIN + " certificates");
    }
    if (precert && der.size() < 2) {
      throw new CtChainException(
          "a precertificate chain needs the issuer after the precertificate");
    }
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (int i = 0; i < der.size(); i++) {
        try {
          chain.add(
              (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der.get(i))));
        } catch (GeneralSecurityException | RuntimeException e) {
          throw new CtChainException("chain[" + i + "] is not an X.509 certificate", e);
        }
      }
      boolean poisoned = Precertificates.isPrecertificate(Precertificates.tbsOf(chain.get(0)));
      if (precert != poisoned) {
        throw new CtChainException(
            precert
                ? "chain[0] is not a precertificate (no critical poison extension)"
                : "chain[0] is a precertificate; use add-pre-chain");
      }
      for (int i = 0; i + 1 < chain.size(); i++) {
        if (!verifiedCaLinks.contains(linkKey(der.get(i), der.get(i + 1)))) {
          try {
            chain.get(i).verify(chain.get(i + 1).getPublicKey(), bouncyCastle);
          } catch (GeneralSecurityException e) {
            throw new CtChainException("chain[" + i + "] is not signed by chain[" + (i + 1) + "]");
          }
          rememberCaLink(chain.get(i), der.get(i), der.get(i + 1));
        }
      }
      if (!endsAtRoot(chain.get(chain.size() - 1))) {
        throw new CtChainException("the chain does not end at a root this log accepts");
      }
      return chain;
    } catch (CtFormatException e) {
      throw new CtChainException("chain[0] is malformed: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new CtChainException("cannot check the chain: " + e.getMessage(), e);
    }
  }

  /**
   * Links between CA certificates (an intermediate and its root) repeat in every submission and
   * never change: verify each once. Leaf and precertificate signatures are always verified.
   */
  private final java.util.Set<String> verifiedCaLinks =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static String linkKey(byte[] child, byte[] parent) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(child);
      sha.update((byte) 0);
      sha.update(parent);
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void rememberCaLink(X509Certificate child, byte[] childDer, byte[] parentDer) {
    if (child.getBasicConstraints() >= 0 && verifiedCaLinks.size() < 1024) {
      verifiedCaLinks.add(linkKey(childDer, parentDer));
    }
  }

  private boolean endsAtRoot(X509Certificate last) {
    for (X509Certificate root : roots) {
      if (root.equals(last)) {
        return true;
      }
      if (root.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
        try {
          last.verify(root.getPublicKey());
          return true;
        } catch (GeneralSecurityException e) {
          // not this root
        }
      }
    }
    return false;
  }
}
