package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import java.math.BigInteger;
import java.security.PublicKey;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/** Deterministic (RFC 6979) ECDSA signing producing DER signatures; thread-safe. */
public final class EcdsaSigner implements Signer {
  private final KeyDetails details;
  private final PublicKey publicKey;
  private final ECPrivateKeyParameters key;

  /** Creates a signer; {@code key} must match {@code publicKey} and {@code details}. */
  public EcdsaSigner(KeyDetails details, PublicKey publicKey, ECPrivateKeyParameters key) {
    this.details = details;
    this.publicKey = publicKey;
    this.key = key;
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
      throw new IllegalArgumentException(
          "digest must have " + details.hashAlgorithm().length() + " bytes for " + details);
    }
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(kDigest()));
    signer.init(true, key);
    BigInteger[] rs = signer.generateSignature(digest);
    return EcdsaDer.encode(rs[0], rs[1]);
  }

  private Digest kDigest() {
    switch (details.hashAlgorithm()) {
      case SHA2_384:
        return new SHA384Digest();
      case SHA2_512:
        return new SHA512Digest();
      default:
        return new SHA256Digest();
    }
  }
}
