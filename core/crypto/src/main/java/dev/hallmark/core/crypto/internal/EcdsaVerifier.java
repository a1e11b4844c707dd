package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.SignatureVerifier;
import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/** ECDSA verification with BouncyCastle's lightweight {@link ECDSASigner}; thread-safe. */
public final class EcdsaVerifier implements SignatureVerifier {
  private final KeyDetails details;
  private final ECPublicKeyParameters key;

  /** Creates a verifier; {@code key} must be on the curve named by {@code details}. */
  public EcdsaVerifier(KeyDetails details, ECPublicKeyParameters key) {
    this.details = details;
    this.key = key;
  }

  @Override
  public KeyDetails details() {
    return details;
  }

  @Override
  public void verify(byte[] message, byte[] signature) throws SignatureCheckException {
    verifyDigest(details.hashAlgorithm().digest(message), signature);
  }

  @Override
  public void verifyDigest(byte[] digest, byte[] signature) throws SignatureCheckException {
    Digests.checkLength(details, digest);
    BigInteger[] rs = EcdsaDer.decode(signature, key.getParameters().getN());
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, key);
    if (!signer.verifySignature(digest, rs[0], rs[1])) {
      throw new SignatureCheckException("ECDSA signature does not verify");
    }
  }
}
