package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.issuance.CaKey;
import dev.hallmark.ca.issuance.CaKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A {@link CaKey} over a JCA private key: a software key, or a handle to a key inside a PKCS#11
 * token whose {@code provider} does the signing.
 */
public final class JcaCaKey implements CaKey {
  private final String description;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String signatureAlgorithm;
  private final Provider provider;
  private final SecureRandom random;

  /**
   * @param description names the key in error messages (a file, a token label)
   * @param provider the provider to sign with, or null for the JDK's default
   * @param random randomness for the signature scheme (ECDSA nonces); null for a token key, whose
   *     token draws its own
   */
  public JcaCaKey(
      String description,
      PrivateKey privateKey,
      PublicKey publicKey,
      Provider provider,
      SecureRandom random)
      throws CaKeyException {
    this.description = Objects.requireNonNull(description, "description");
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.signatureAlgorithm = SignatureAlgorithms.forCaKey(publicKey, description);
    this.provider = provider;
    this.random = random;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  @Override
  public ContentSigner contentSigner() throws CaKeyException {
    JcaContentSignerBuilder builder = new JcaContentSignerBuilder(signatureAlgorithm);
    if (provider != null) {
      builder.setProvider(provider);
    }
    if (random != null) {
      builder.setSecureRandom(random);
    }
    try {
      return builder.build(privateKey);
    } catch (OperatorCreationException | RuntimeException e) {
      throw new CaKeyException(
          "cannot sign with CA key " + description + " (" + signatureAlgorithm + "): " + e, e);
    }
  }

  @Override
  public String toString() {
    return "CaKey[" + description + ", " + signatureAlgorithm + "]";
  }
}
