package dev.hallmark.core.crypto;

import dev.hallmark.core.crypto.internal.EcCurves;
import dev.hallmark.core.crypto.internal.EcdsaSigner;
import dev.hallmark.core.crypto.internal.Ed25519Signer;
import dev.hallmark.core.crypto.internal.JcaSigner;
import dev.hallmark.core.crypto.internal.PrivateKeyInfo;
import dev.hallmark.core.crypto.internal.PublicKeyInfo;
import dev.hallmark.core.crypto.internal.RsaSigner;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/** Creates {@link Signer}s and generates key pairs. */
public final class Signers {
  private Signers() {}

  /**
   * Creates a signer. ECDSA (RFC 6979) and Ed25519 need no randomness; RSA uses a fresh {@link
   * SecureRandom} owned by the signer for blinding and PSS salts. Use {@link #create(KeyPair,
   * KeyDetails, SecureRandom)} to supply the random source.
   *
   * @throws UnsupportedKeyException if the key does not match {@code details} or the private key is
   *     not the public key's other half
   */
  public static Signer create(KeyPair pair, KeyDetails details) throws UnsupportedKeyException {
    return create(pair, details, new SecureRandom());
  }

  /**
   * Creates a signer whose RSA blinding and PSS salts come from {@code random} (unused for ECDSA
   * and Ed25519, which are deterministic).
   *
   * @throws UnsupportedKeyException as {@link #create(KeyPair, KeyDetails)}
   */
  public static Signer create(KeyPair pair, KeyDetails details, SecureRandom random)
      throws UnsupportedKeyException {
    PublicKeyInfo pub = PublicKeys.checkedInfo(pair.getPublic(), details);
    AsymmetricKeyParameter priv = PrivateKeyInfo.convert(pair.getPrivate(), pub);
    switch (details.family()) {
      case ECDSA:
        return new EcdsaSigner(details, pair.getPublic(), (ECPrivateKeyParameters) priv);
      case ED25519:
        return new Ed25519Signer(details, pair.getPublic(), (Ed25519PrivateKeyParameters) priv);
      default:
        return new RsaSigner(details, pair.getPublic(), (RSAKeyParameters) priv, random);
    }
  }

  /**
   * Creates a signer over a private key held by a JCA {@code provider}, such as a handle to a key
   * inside a PKCS#11 token (SunPKCS11): the provider signs, the key never leaves it. Checked once
   * by signing a probe and verifying it with {@code publicKey}.
   *
   * @throws UnsupportedKeyException if {@code details} is not ECDSA or RSA PKCS#1 v1.5, does not
   *     match {@code publicKey}, or the provider's signature does not verify with it
   */
  public static Signer jca(
      PublicKey publicKey, PrivateKey privateKey, KeyDetails details, Provider provider)
      throws UnsupportedKeyException {
    PublicKeys.checkedInfo(publicKey, details);
    if (details.family() != KeyDetails.Family.ECDSA
        && details.family() != KeyDetails.Family.RSA_PKCS1V15) {
      throw new UnsupportedKeyException(
          details + " keys cannot sign through a provider here; use ECDSA or RSA PKCS#1 v1.5");
    }
    Signer signer = new JcaSigner(details, publicKey, privateKey, provider);
    byte[] probe = "hallmark key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try {
      Verifiers.create(publicKey, details).verify(probe, signer.sign(probe));
    } catch (SignatureCheckException | IllegalStateException e) {
      throw new UnsupportedKeyException(
          "the " + provider.getName() + " key does not sign for its public key: " + e.getMessage());
    }
    return signer;
  }

  /**
   * Generates a key pair of the type and size {@code details} names (RSA with exponent 65537),
   * using the JDK's providers and {@code random}.
   */
  public static KeyPair generate(KeyDetails details, SecureRandom random) {
    try {
      KeyPairGenerator g;
      switch (details.family()) {
        case ECDSA:
          g = KeyPairGenerator.getInstance("EC");
          g.initialize(
              new ECGenParameterSpec(EcCurves.byBits(details.keyBits()).jcaName()), random);
          break;
        case ED25519:
          g = KeyPairGenerator.getInstance("Ed25519");
          g.initialize(255, random);
          break;
        default:
          g = KeyPairGenerator.getInstance("RSA");
          g.initialize(
              new RSAKeyGenParameterSpec(details.keyBits(), RSAKeyGenParameterSpec.F4), random);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK cannot generate " + details + " keys", e);
    }
  }
}
