package dev.hallmark.cli.sign;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Who the log records as the signer: the signing certificate (keyless) or a managed public key.
 *
 * @param certificate the leaf certificate, or null for a managed key
 * @param publicKey the signing key (the certificate's key when there is one)
 * @param details the signature scheme
 */
record SignerIdentity(X509Certificate certificate, PublicKey publicKey, KeyDetails details) {
  SignerIdentity {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(details, "details");
  }

  /** DER of the certificate, or of the SPKI for a managed key. */
  byte[] der() {
    if (certificate == null) {
      return publicKey.getEncoded();
    }
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("the CA's certificate cannot be re-encoded", e);
    }
  }

  /** Go-style PEM of the certificate or public key (what Rekor v1 bodies carry). */
  String pem() {
    return PublicKeys.pem(certificate != null ? "CERTIFICATE" : "PUBLIC KEY", der());
  }
}
