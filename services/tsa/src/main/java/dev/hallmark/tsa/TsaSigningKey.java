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

  private TsaSigningKey(PrivateKey privateKey, Provider provider, List<X509Certificate> chain) {
    this.privateKey = privateKey;
    this.provider = provider;
    this.chain = chain;
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
    return new TsaSigningKey(privateKey, provider, List.copyOf(chain));
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
