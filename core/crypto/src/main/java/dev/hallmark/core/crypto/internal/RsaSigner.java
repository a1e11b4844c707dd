package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.NullDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * RSA signing with SHA-256: PKCS#1 v1.5, or PSS with MGF1-SHA-256 and a 32-byte salt. Uses
 * blinding; the random source (also PSS salt) is a constructor parameter. Thread-safe.
 */
public final class RsaSigner implements Signer {
  private static final int SALT_LEN = 32;

  private final KeyDetails details;
  private final PublicKey publicKey;
  private final RSAKeyParameters key;
  private final SecureRandom random;

  /** Creates a signer; {@code key} must be the private half of {@code publicKey}. */
  public RsaSigner(
      KeyDetails details, PublicKey publicKey, RSAKeyParameters key, SecureRandom random) {
    this.details = details;
    this.publicKey = publicKey;
    this.key = key;
    this.random = random;
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
    return signDigest(details.hashAlgorithm().digest(message));
  }

  @Override
  public byte[] signDigest(byte[] digest) {
    if (digest.length != details.hashAlgorithm().length()) {
      throw new IllegalArgumentException("digest must have 32 bytes (SHA-256) for " + details);
    }
    org.bouncycastle.crypto.Signer signer;
    if (details.name().startsWith("PKIX_RSA_PSS")) {
      signer =
          PSSSigner.createRawSigner(
              new RSABlindedEngine(),
              new SHA256Digest(),
              new SHA256Digest(),
              SALT_LEN,
              PSSSigner.TRAILER_IMPLICIT);
    } else {
      signer = new RSADigestSigner(new NullDigest(), NISTObjectIdentifiers.id_sha256);
    }
    signer.init(true, new ParametersWithRandom(key, random));
    signer.update(digest, 0, digest.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("RSA signing failed", e);
    }
  }
}
