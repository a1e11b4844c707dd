package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Objects;

/**
 * Signs through a JCA provider with a private key the provider holds: a handle to a key inside a
 * PKCS#11 token, which never leaves it. ECDSA signatures are DER (as the JCA produces them) and,
 * unlike {@link EcdsaSigner}'s, randomized by the token. Thread-safe: every call gets its own
 * {@link Signature}.
 */
public final class JcaSigner implements Signer {
  private final KeyDetails details;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;
  private final Provider provider;
  private final String messageAlgorithm;

  /**
   * @param details an ECDSA or RSA PKCS#1 v1.5 scheme (the caller checks it against {@code
   *     publicKey})
   */
  public JcaSigner(
      KeyDetails details, PublicKey publicKey, PrivateKey privateKey, Provider provider) {
    this.details = Objects.requireNonNull(details, "details");
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.provider = Objects.requireNonNull(provider, "provider");
    String hash = details.hashAlgorithm().name().replace("SHA2_", "SHA");
    this.messageAlgorithm = hash + (details.isEcdsa() ? "withECDSA" : "withRSA");
  }

  @Override
  public KeyDetails details() {
    return details;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    return run(messageAlgorithm, message);
  }

  @Override
  public byte[] signDigest(byte[] digest) {
    if (digest.length != details.hashAlgorithm().length()) {
      throw new IllegalArgumentException(
          "digest must have " + details.hashAlgorithm().length() + " bytes for " + details);
    }
    if (details.isEcdsa()) {
      return run("NONEwithECDSA", digest);
    }
    byte[] info =
        Arrays.copyOf(
            RsaVerifier.SHA256_DIGEST_INFO, RsaVerifier.SHA256_DIGEST_INFO.length + digest.length);
    System.arraycopy(digest, 0, info, RsaVerifier.SHA256_DIGEST_INFO.length, digest.length);
    return run("NONEwithRSA", info);
  }

  private byte[] run(String algorithm, byte[] input) {
    try {
      Signature s = Signature.getInstance(algorithm, provider);
      s.initSign(privateKey);
      s.update(input);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          provider.getName() + " cannot sign with " + algorithm + ": " + e.getMessage(), e);
    }
  }
}
