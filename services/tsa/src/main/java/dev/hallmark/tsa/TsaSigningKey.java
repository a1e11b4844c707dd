package dev.hallmark.tsa;

import dev.hallmark.tsa.internal.TsaCertificateCheck;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The TSA's signing key and certificate chain (TSA certificate first, root last). The key is a
 * software key ({@code provider} null) or a handle to a key inside a PKCS#11 token whose provider
 * signs.
 */
public final class TsaSigningKey {
  private final PrivateKey privateKey;
  private final Provider provider;
  private final List<X509Certificate> chain;
  private final dev.hallmark.core.crypto.Signer software;

  private TsaSigningKey(
      PrivateKey privateKey,
      Provider provider,
      List<X509Certificate> chain,
      dev.hallmark.core.crypto.Signer software) {
    this.privateKey = privateKey;
    this.provider = provider;
    this.chain = chain;
    this.software = software;
  }

  /**
   * A key and its chain, checked: the first certificate is a timestamping certificate (critical
   * extended key usage holding only id-kp-timeStamping, digitalSignature) for this key; each
   * certificate is signed by the next; the last is self-signed.
   *
   * @throws TsaKeyException naming what does not fit
   */
  public static TsaSigningKey of(
      PrivateKey privateKey, Provider provider, List<X509Certificate> chain)
      throws TsaKeyException {
    Objects.requireNonNull(privateKey, "privateKey");
    TsaCertificateCheck.check(chain, privateKey, provider);
    return new TsaSigningKey(privateKey, provider, List.copyOf(chain), null);
  }

  /**
   * A software key pair and its chain, checked as {@link #of}; tokens are then signed with the
   * lightweight BouncyCastle implementation (several times faster than the JDK's).
   *
   * @throws TsaKeyException naming what does not fit
   */
  public static TsaSigningKey software(java.security.KeyPair pair, List<X509Certificate> chain)
      throws TsaKeyException {
    TsaCertificateCheck.check(chain, pair.getPrivate(), null);
    try {
      dev.hallmark.core.crypto.KeyDetails details =
          dev.hallmark.core.crypto.PublicKeys.defaultDetails(pair.getPublic());
      return new TsaSigningKey(
          pair.getPrivate(),
          null,
          List.copyOf(chain),
          dev.hallmark.core.crypto.Signers.create(pair, details));
    } catch (dev.hallmark.core.crypto.UnsupportedKeyException e) {
      throw new TsaKeyException("unusable TSA key: " + e.getMessage(), e);
    }
  }

  /** The lightweight signer for a software key, or null for a provider-held key. */
  dev.hallmark.core.crypto.Signer software() {
    return software;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  /** The provider that signs with the key, or null for the default providers. */
  Provider provider() {
    return provider;
  }

  /** The chain: TSA certificate, intermediates, root. */
  public List<X509Certificate> chain() {
    return chain;
  }
}
