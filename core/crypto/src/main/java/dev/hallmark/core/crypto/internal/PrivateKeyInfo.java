package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.Arrays;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/** Converts a JCA private key to BouncyCastle parameters and checks it against its public key. */
public final class PrivateKeyInfo {
  private PrivateKeyInfo() {}

  /**
   * Returns BouncyCastle parameters for {@code key} after checking that it is the private half of
   * {@code pub}.
   *
   * @throws UnsupportedKeyException if the key cannot be converted or does not match
   */
  public static AsymmetricKeyParameter convert(PrivateKey key, PublicKeyInfo pub)
      throws UnsupportedKeyException {
    byte[] pkcs8 = key.getEncoded();
    if (pkcs8 == null) {
      throw new UnsupportedKeyException("private key has no PKCS#8 encoding (hardware key?)");
    }
    AsymmetricKeyParameter p;
    try {
      p = PrivateKeyFactory.createKey(pkcs8);
    } catch (IOException | RuntimeException e) {
      throw new UnsupportedKeyException("unsupported private key: " + e.getMessage(), e);
    }
    switch (pub.kind()) {
      case EC:
        if (p instanceof ECPrivateKeyParameters) {
          ECPublicKeyParameters q = (ECPublicKeyParameters) pub.params();
          ECPrivateKeyParameters d =
              new ECPrivateKeyParameters(((ECPrivateKeyParameters) p).getD(), q.getParameters());
          if (q.getParameters()
              .getG()
              .multiply(d.getD())
              .normalize()
              .equals(q.getQ().normalize())) {
            return d;
          }
        }
        break;
      case ED25519:
        if (p instanceof Ed25519PrivateKeyParameters) {
          Ed25519PrivateKeyParameters d = (Ed25519PrivateKeyParameters) p;
          byte[] derived = d.generatePublicKey().getEncoded();
          if (Arrays.equals(derived, ((Ed25519PublicKeyParameters) pub.params()).getEncoded())) {
            return d;
          }
        }
        break;
      default:
        if (p instanceof RSAPrivateCrtKeyParameters) {
          RSAPrivateCrtKeyParameters d = (RSAPrivateCrtKeyParameters) p;
          RSAKeyParameters n = (RSAKeyParameters) pub.params();
          if (d.getModulus().equals(n.getModulus())
              && d.getPublicExponent().equals(n.getExponent())) {
            return d;
          }
        }
    }
    throw new UnsupportedKeyException("private key does not match the public key");
  }
}
