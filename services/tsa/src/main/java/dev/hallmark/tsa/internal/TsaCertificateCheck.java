package dev.hallmark.tsa.internal;

import dev.hallmark.tsa.TsaKeyException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/** Checks that a chain suits an RFC 3161 TSA key (RFC 3161 §2.3 and what BouncyCastle demands). */
public final class TsaCertificateCheck {
  private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
  private static final String EKU = "2.5.29.37";

  private TsaCertificateCheck() {}

  /**
   * @throws TsaKeyException naming the first problem
   */
  public static void check(List<X509Certificate> chain, PrivateKey key, Provider provider)
      throws TsaKeyException {
    if (chain == null || chain.isEmpty()) {
      throw new TsaKeyException("the TSA chain is empty");
    }
    X509Certificate leaf = chain.get(0);
    try {
      List<String> eku = leaf.getExtendedKeyUsage();
      if (eku == null
          || !eku.equals(List.of(TIME_STAMPING))
          || !leaf.getCriticalExtensionOIDs().contains(EKU)) {
        throw new TsaKeyException(
            "the TSA certificate "
                + leaf.getSubjectX500Principal()
                + " must have a critical extended key usage of only timeStamping, not "
                + eku);
      }
    } catch (CertificateParsingException e) {
      throw new TsaKeyException("the TSA certificate's extended key usage cannot be read", e);
    }
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate issuer = chain.get(Math.min(i + 1, chain.size() - 1));
      try {
        chain.get(i).verify(issuer.getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new TsaKeyException(
            "TSA chain certificate "
                + chain.get(i).getSubjectX500Principal()
                + " is not signed by "
                + issuer.getSubjectX500Principal(),
            e);
      }
    }
    String algorithm = signatureAlgorithm(leaf);
    try {
      byte[] probe = "hallmark tsa key check".getBytes(StandardCharsets.US_ASCII);
      Signature s =
          provider == null
              ? Signature.getInstance(algorithm)
              : Signature.getInstance(algorithm, provider);
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(algorithm);
      v.initVerify(leaf.getPublicKey());
      v.update(probe);
      if (!v.verify(sig)) {
        throw new TsaKeyException("the TSA key is not the TSA certificate's key");
      }
    } catch (GeneralSecurityException e) {
      throw new TsaKeyException("cannot sign with the TSA key: " + e.getMessage(), e);
    }
  }

  /** The JCA algorithm the TSA signs tokens with for this certificate's key. */
  public static String signatureAlgorithm(X509Certificate leaf) throws TsaKeyException {
    String keyAlgorithm = leaf.getPublicKey().getAlgorithm();
    switch (keyAlgorithm) {
      case "EC":
        int bits =
            ((java.security.interfaces.ECPublicKey) leaf.getPublicKey())
                .getParams()
                .getCurve()
                .getField()
                .getFieldSize();
        return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
      case "RSA":
        return "SHA256withRSA";
      default:
        throw new TsaKeyException(
            "TSA keys must be ECDSA or RSA, not " + keyAlgorithm + " (clients verify those)");
    }
  }
}
