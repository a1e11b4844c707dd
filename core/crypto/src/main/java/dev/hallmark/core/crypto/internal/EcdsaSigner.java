package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import java.math.BigInteger;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Deterministic (RFC 6979) ECDSA signing producing DER signatures; thread-safe. P-256 nonces are
 * multiplied with {@link P256BaseMultiplier} (the signatures are the same as BouncyCastle's).
 */
public final class EcdsaSigner implements Signer {
  private final KeyDetails details;
  private final PublicKey publicKey;
  private final ECPrivateKeyParameters key;
  private final ECMultiplier baseMultiplier;

  /** Creates a signer; {@code key} must match {@code publicKey} and {@code details}. */
  public EcdsaSigner(KeyDetails details, PublicKey publicKey, ECPrivateKeyParameters key) {
    this.details = details;
    this.publicKey = publicKey;
    this.key = key;
    this.baseMultiplier = baseMultiplier(key);
  }

  /** P-256 keys sign with the shared windowed tables; other curves with BouncyCastle's comb. */
  private static ECMultiplier baseMultiplier(ECPrivateKeyParameters key) {
    if (key.getParameters().getG().equals(EcCurves.P256.domain().getG())) {
      return P256Tables.MULTIPLIER;
    }
    return new FixedPointCombMultiplier();
  }

  /** Built on first use: a server that never signs with P-256 never pays for the tables. */
  private static final class P256Tables {
    static final P256BaseMultiplier MULTIPLIER =
        P256BaseMultiplier.forGenerator(EcCurves.P256.domain().getG());
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
    ECDSASigner signer =
        new ECDSASigner(new Rfc6979Nonces(macAlgorithm())) {
          @Override
          protected ECMultiplier createBasePointMultiplier() {
            return baseMultiplier;
          }
        };
    signer.init(true, key);
    BigInteger[] rs = signer.generateSignature(digest);
    return EcdsaDer.encode(rs[0], rs[1]);
  }

  private String macAlgorithm() {
    switch (details.hashAlgorithm()) {
      case SHA2_384:
        return "HmacSHA384";
      case SHA2_512:
        return "HmacSHA512";
      default:
        return "HmacSHA256";
    }
  }
}
