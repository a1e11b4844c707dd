package dev.hallmark.ca.issuance;

import dev.hallmark.ca.issuance.internal.ChainGenerator;
import dev.hallmark.ca.issuance.internal.JcaCaKey;
import dev.hallmark.ca.issuance.internal.KeyPairCheck;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A logged-in PKCS#11 token, reached through the JDK's SunPKCS11 provider. Private keys generated
 * here are sensitive and not extractable; signing with them happens inside the token. As the
 * SunPKCS11 key store lists only private keys that have a certificate, every key is stored with its
 * certificate chain under one label.
 */
public final class Pkcs11Token {
  private final Pkcs11Config config;
  private final Provider provider;
  private final KeyStore keyStore;

  private Pkcs11Token(Pkcs11Config config, Provider provider, KeyStore keyStore) {
    this.config = config;
    this.provider = provider;
    this.keyStore = keyStore;
  }

  /**
   * Configures a SunPKCS11 provider for {@code config}'s module and slot and logs in with its PIN.
   *
   * @throws CaKeyException if the module cannot be loaded, the slot has no token or the PIN is
   *     wrong
   */
  public static Pkcs11Token open(Pkcs11Config config) throws CaKeyException {
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new CaKeyException("the JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
    }
    Provider provider;
    try {
      provider = base.configure(sunPkcs11Config(config));
    } catch (RuntimeException e) {
      throw new CaKeyException("cannot load PKCS#11 module for " + config + ": " + e, e);
    }
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
      keyStore.load(null, config.pin().toCharArray());
      return new Pkcs11Token(config, provider, keyStore);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException("cannot log in to PKCS#11 token " + config + ": " + e, e);
    }
  }

  /** The configured provider, for callers that need other token operations. */
  public Provider provider() {
    return provider;
  }

  /**
   * True if the token holds a private key with a certificate under {@code label}.
   *
   * @throws CaKeyException if the token cannot be read
   */
  public boolean contains(String label) throws CaKeyException {
    try {
      return keyStore.isKeyEntry(label);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException("cannot list PKCS#11 token " + config + ": " + e, e);
    }
  }

  /**
   * The key under {@code label}, checked by signing a probe on the token. Its public key is the one
   * of the certificate stored with it.
   *
   * @throws CaKeyException if there is no such key, or it does not match its certificate
   */
  public CaKey signingKey(String label) throws CaKeyException {
    String description = "pkcs11:" + label;
    try {
      Key key = keyStore.getKey(label, null);
      Certificate cert = keyStore.getCertificate(label);
      if (!(key instanceof PrivateKey) || cert == null) {
        throw new CaKeyException(
            "PKCS#11 token " + config + " has no private key with a certificate labelled " + label);
      }
      CaKey caKey =
          new JcaCaKey(description, (PrivateKey) key, cert.getPublicKey(), provider, null);
      KeyPairCheck.check(caKey, description);
      return caKey;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException("cannot read key " + label + " from " + config + ": " + e, e);
    }
  }

  /**
   * The handle of the private key under {@code label}, for a signer that needs the JCA key itself
   * (with {@link #provider()}); the key material stays in the token.
   *
   * @throws CaKeyException if there is no such key
   */
  public PrivateKey privateKey(String label) throws CaKeyException {
    try {
      Key key = keyStore.getKey(label, null);
      if (!(key instanceof PrivateKey)) {
        throw new CaKeyException(
            "PKCS#11 token " + config + " has no private key labelled " + label);
      }
      return (PrivateKey) key;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException("cannot read key " + label + " from " + config + ": " + e, e);
    }
  }

  /**
   * A general-purpose signer ({@code details}: ECDSA or RSA PKCS#1 v1.5) over the key under {@code
   * label}, for keys that sign other things than certificates (a CT log's SCTs and tree heads, a
   * transparency log's checkpoints). The token signs; the key never leaves it.
   *
   * @throws CaKeyException if there is no such key, or it does not suit {@code details}
   */
  public Signer signer(String label, KeyDetails details) throws CaKeyException {
    try {
      Key key = keyStore.getKey(label, null);
      Certificate cert = keyStore.getCertificate(label);
      if (!(key instanceof PrivateKey) || cert == null) {
        throw new CaKeyException(
            "PKCS#11 token " + config + " has no private key with a certificate labelled " + label);
      }
      return Signers.jca(cert.getPublicKey(), (PrivateKey) key, details, provider);
    } catch (UnsupportedKeyException e) {
      throw new CaKeyException("key " + label + " on " + config + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException("cannot read key " + label + " from " + config + ": " + e, e);
    }
  }

  /**
   * Makes sure the token holds an ECDSA key under {@code label}: when there is none, generates one
   * on {@code curve} inside the token and stores it with a self-signed certificate named {@code
   * names} (the key store lists only keys with a certificate). Then returns {@link #signer}.
   *
   * @throws CaKeyException if the token cannot generate, sign or store
   */
  public Signer loadOrGenerateSigner(
      String label,
      String curve,
      KeyDetails details,
      CaNames names,
      java.time.Clock clock,
      java.security.SecureRandom random)
      throws CaKeyException {
    if (!contains(label)) {
      KeyPair pair = generateEc(curve);
      X509Certificate holder =
          new ChainGenerator(names, clock.instant(), random).keyHolder(sessionKey(pair, label));
      store(label, pair.getPrivate(), List.of(holder));
    }
    return signer(label, details);
  }

  /**
   * The certificate chain stored with the key under {@code label}, key's certificate first.
   *
   * @throws CaKeyException if there is no such entry
   */
  public List<X509Certificate> certificateChain(String label) throws CaKeyException {
    try {
      Certificate[] chain = keyStore.getCertificateChain(label);
      if (chain == null || chain.length == 0) {
        throw new CaKeyException("PKCS#11 token " + config + " has no chain labelled " + label);
      }
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : chain) {
        out.add((X509Certificate) c);
      }
      return List.copyOf(out);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException("cannot read chain " + label + " from " + config + ": " + e, e);
    }
  }

  /**
   * Generates an ECDSA key pair inside the token on {@code curve} ({@code secp256r1}, {@code
   * secp384r1}). The private key is a session object until {@link #store} makes it permanent.
   *
   * @throws CaKeyException if the token cannot generate such a key
   */
  public KeyPair generateEc(String curve) throws CaKeyException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException(
          "PKCS#11 token " + config + " cannot generate " + curve + ": " + e, e);
    }
  }

  /**
   * A signer over a key pair this token generated but has not stored yet (say to self-sign the
   * certificate it will be stored with).
   *
   * @throws CaKeyException if the token cannot sign with it
   */
  public CaKey sessionKey(KeyPair pair, String label) throws CaKeyException {
    String description = "pkcs11:" + label + " (not stored)";
    CaKey caKey = new JcaCaKey(description, pair.getPrivate(), pair.getPublic(), provider, null);
    KeyPairCheck.check(caKey, description);
    return caKey;
  }

  /**
   * Stores {@code key} (a key of this token) permanently with its certificate chain under {@code
   * label}, replacing an entry of that label.
   *
   * @throws CaKeyException if the token refuses
   */
  public void store(String label, PrivateKey key, List<X509Certificate> chain)
      throws CaKeyException {
    Objects.requireNonNull(label, "label");
    try {
      keyStore.setKeyEntry(label, key, null, chain.toArray(new Certificate[0]));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaKeyException("cannot store key " + label + " on " + config + ": " + e, e);
    }
  }

  private static String sunPkcs11Config(Pkcs11Config config) {
    String library = config.library().toAbsolutePath().toString();
    if (library.contains("\"") || library.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("unusable PKCS#11 library path: " + library);
    }
    return String.join(
        "\n",
        "--name = hallmark-ca",
        "library = \"" + library + "\"",
        config.slot().configLine(),
        "attributes(*, CKO_PRIVATE_KEY, *) = {",
        "  CKA_SENSITIVE = true",
        "  CKA_EXTRACTABLE = false",
        "}",
        "");
  }
}
