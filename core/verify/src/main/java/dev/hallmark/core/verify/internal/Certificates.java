package dev.hallmark.core.verify.internal;

import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.verify.VerificationException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/** Parsing and single-link checks of X.509 certificates. */
public final class Certificates {
  private final CertificateFactory factory;
  private final Provider provider;

  /** Uses {@code provider} (BouncyCastle) for certificate signature checks. */
  public Certificates(Provider provider) {
    this.provider = provider;
    try {
      this.factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
  }

  /** The provider certificate and CMS signatures are checked with. */
  public Provider provider() {
    return provider;
  }

  /** Parses one DER certificate; {@code what} names it in the error. */
  public X509Certificate parse(byte[] der, String what) throws VerificationException {
    try {
      synchronized (factory) {
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
      }
    } catch (CertificateException | RuntimeException e) {
      throw new VerificationException(what + " is not a DER X.509 certificate", e);
    }
  }

  /** True if {@code issuer} names and signed {@code cert}. */
  public boolean issued(X509Certificate issuer, X509Certificate cert) {
    if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return false;
    }
    try {
      cert.verify(issuer.getPublicKey(), provider);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /**
   * True if the authority's first certificate names and signed {@code cert}; uses the authority's
   * reusable verifier when the signature algorithm fits its key.
   */
  public boolean issued(TrustedAuthority authority, X509Certificate cert) {
    X509Certificate issuer = authority.chain().get(0);
    if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return false;
    }
    if (!authority.verifierFits(cert.getSigAlgOID())) {
      return issued(issuer, cert);
    }
    try {
      authority.issuerVerifier().verify(cert.getTBSCertificate(), cert.getSignature());
      return true;
    } catch (SignatureCheckException | CertificateEncodingException e) {
      return false;
    }
  }

  /** True if the certificate is self-issued and self-signed. */
  public boolean selfSigned(X509Certificate cert) {
    return issued(cert, cert);
  }

  /** True if {@code t} lies within the certificate's [notBefore, notAfter]. */
  public static boolean validAt(X509Certificate cert, Instant t) {
    Date d = Date.from(t);
    return !d.before(cert.getNotBefore()) && !d.after(cert.getNotAfter());
  }
}
