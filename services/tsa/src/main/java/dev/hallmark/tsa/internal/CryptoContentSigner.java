package dev.hallmark.tsa.internal;

import dev.hallmark.core.crypto.Signer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * A BouncyCastle {@link ContentSigner} over a core/crypto {@link Signer}: software keys sign with
 * the lightweight BouncyCastle implementation, several times faster than the JDK's SunEC. Not
 * thread-safe (one per thread); each signature starts from {@link #getOutputStream()}.
 */
public final class CryptoContentSigner implements ContentSigner {
  private final Signer signer;
  private final AlgorithmIdentifier algorithm;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

  /**
   * @param jcaAlgorithm the algorithm name the signature is described by, e.g. {@code
   *     SHA256withECDSA}, matching {@code signer}'s scheme
   */
  public CryptoContentSigner(Signer signer, String jcaAlgorithm) {
    this.signer = signer;
    this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(jcaAlgorithm);
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithm;
  }

  /** A fresh stream for one signature (whatever an aborted earlier one left is dropped). */
  @Override
  public OutputStream getOutputStream() {
    buffer.reset();
    return buffer;
  }

  @Override
  public byte[] getSignature() {
    byte[] signature = signer.sign(buffer.toByteArray());
    buffer.reset();
    return signature;
  }
}
