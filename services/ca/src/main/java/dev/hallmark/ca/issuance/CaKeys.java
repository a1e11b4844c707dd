package dev.hallmark.ca.issuance;

import dev.hallmark.ca.issuance.internal.JcaCaKey;
import dev.hallmark.ca.issuance.internal.KeyPairCheck;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PrivateKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Obtains the CA signing key: from memory, a PKCS#8 PEM file, or a PKCS#11 token. */
public final class CaKeys {
  private CaKeys() {}

  /**
   * A software key. ECDSA P-256/P-384/P-521, RSA 2048/3072/4096 or Ed25519.
   *
   * @param random the randomness ECDSA nonces and RSA blinding draw from
   * @throws CaKeyException if the key type is unsupported or the halves do not belong together
   */
  public static CaKey fromKeyPair(KeyPair pair, SecureRandom random) throws CaKeyException {
    return fromKeyPair(pair, random, "in memory");
  }

  /**
   * Reads an unencrypted PKCS#8 {@code PRIVATE KEY} PEM file (as {@code openssl genpkey} or Go
   * writes it); the public key is derived from it.
   *
   * @throws CaKeyException naming the file if it cannot be read or holds no usable key
   */
  public static CaKey fromPkcs8PemFile(Path file, SecureRandom random) throws CaKeyException {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CaKeyException("cannot read CA key file " + file + ": " + e, e);
    }
    try {
      return fromKeyPair(PrivateKeys.readPkcs8Pem(pem), random, file.toString());
    } catch (KeyParseException e) {
      throw new CaKeyException("CA key file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the token {@code config} names, logs in and returns the key labelled {@code label};
   * signing happens inside the token. Shorthand for {@link Pkcs11Token#open}{@code
   * (config).signingKey(label)}.
   *
   * @throws CaKeyException if the module, slot, PIN or key is wrong
   */
  public static CaKey fromPkcs11(Pkcs11Config config, String label) throws CaKeyException {
    return Pkcs11Token.open(config).signingKey(label);
  }

  /**
   * Generates a software ECDSA key pair on the named curve ({@code secp256r1}, {@code secp384r1}).
   *
   * @throws CaKeyException if the JDK does not know the curve
   */
  public static KeyPair generateEc(String curve, SecureRandom random) throws CaKeyException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new CaKeyException("cannot generate an EC key on " + curve + ": " + e, e);
    }
  }

  private static CaKey fromKeyPair(KeyPair pair, SecureRandom random, String description)
      throws CaKeyException {
    // BouncyCastle's JCA provider (an instance, not registered globally) signs software keys:
    // its P-256/P-384 arithmetic is several times faster than SunEC's on JDK 17.
    CaKey key =
        new JcaCaKey(
            description,
            pair.getPrivate(),
            pair.getPublic(),
            new org.bouncycastle.jce.provider.BouncyCastleProvider(),
            random);
    KeyPairCheck.check(key, description);
    return key;
  }
}
