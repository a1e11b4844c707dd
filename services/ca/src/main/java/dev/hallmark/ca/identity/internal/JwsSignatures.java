package dev.hallmark.ca.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.hallmark.ca.identity.TokenException;
import dev.hallmark.ca.identity.TokenException.Reason;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Chooses the JWKS keys that may have signed a token and verifies the signature: RSA (RS*, PS*) and
 * ECDSA (ES256/384/512) through Nimbus, Ed25519 ({@code EdDSA}/{@code Ed25519}) through Hallmark's
 * crypto core (Nimbus would need Tink for it).
 */
public final class JwsSignatures {
  /** The accepted asymmetric algorithms. */
  public static final Set<JWSAlgorithm> ACCEPTED =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA,
          JWSAlgorithm.Ed25519);

  private JwsSignatures() {}

  /**
   * The keys of {@code keys} that could have signed a token with {@code header}: same {@code kid}
   * when the header has one, a signing key of the algorithm's type and curve. Empty means unknown.
   */
  public static List<JWK> candidates(JWKSet keys, JWSHeader header) {
    List<JWK> out = new ArrayList<>();
    for (JWK k : keys.getKeys()) {
      if (header.getKeyID() != null && !header.getKeyID().equals(k.getKeyID())) {
        continue;
      }
      if (k.getKeyUse() != null && !KeyUse.SIGNATURE.equals(k.getKeyUse())) {
        continue;
      }
      if (fits(k, header.getAlgorithm())) {
        out.add(k);
      }
    }
    return out;
  }

  /** True if {@code keys} has any key with the header's {@code kid} (whatever its type). */
  public static boolean hasKid(JWKSet keys, JWSHeader header) {
    return header.getKeyID() != null && keys.getKeyByKeyId(header.getKeyID()) != null;
  }

  private static boolean fits(JWK k, JWSAlgorithm alg) {
    if (JWSAlgorithm.Family.RSA.contains(alg)) {
      return k instanceof RSAKey;
    }
    if (k instanceof ECKey) {
      Curve c = ((ECKey) k).getCurve();
      return (alg.equals(JWSAlgorithm.ES256) && Curve.P_256.equals(c))
          || (alg.equals(JWSAlgorithm.ES384) && Curve.P_384.equals(c))
          || (alg.equals(JWSAlgorithm.ES512) && Curve.P_521.equals(c));
    }
    return k instanceof OctetKeyPair
        && Curve.Ed25519.equals(((OctetKeyPair) k).getCurve())
        && (alg.equals(JWSAlgorithm.EdDSA) || alg.equals(JWSAlgorithm.Ed25519));
  }

  /**
   * Verifies {@code jwt} with any of {@code candidates}.
   *
   * @throws TokenException {@code BAD_SIGNATURE} if none verifies
   */
  public static void verify(SignedJWT jwt, List<JWK> candidates) throws TokenException {
    if (jwt.getSignature() == null || jwt.getSignature().decode().length == 0) {
      throw new TokenException(Reason.BAD_SIGNATURE, "token has an empty signature");
    }
    String last = "no candidate key";
    for (JWK key : candidates) {
      try {
        if (verifyWith(jwt, key)) {
          return;
        }
        last = "signature does not verify with key " + describe(key);
      } catch (JOSEException | RuntimeException e) {
        last = "key " + describe(key) + " is unusable: " + e.getMessage();
      }
    }
    throw new TokenException(Reason.BAD_SIGNATURE, "bad token signature: " + last);
  }

  /** Stateless once built; a provider instance, never registered in the JVM. */
  private static final java.security.Provider BOUNCY_CASTLE =
      new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private static boolean verifyWith(SignedJWT jwt, JWK key) throws JOSEException {
    if (key instanceof OctetKeyPair) {
      return verifyEd25519(jwt, (OctetKeyPair) key);
    }
    JWSVerifier verifier =
        key instanceof RSAKey
            ? new RSASSAVerifier(((RSAKey) key).toRSAPublicKey())
            : new ECDSAVerifier(((ECKey) key).toECPublicKey());
    // BouncyCastle verifies ES256/ES384 several times faster than SunEC on JDK 17.
    verifier.getJCAContext().setProvider(BOUNCY_CASTLE);
    return jwt.verify(verifier);
  }

  private static boolean verifyEd25519(SignedJWT jwt, OctetKeyPair key) throws JOSEException {
    if (jwt.getHeader().getCriticalParams() != null
        && !jwt.getHeader().getCriticalParams().isEmpty()) {
      throw new JOSEException("critical header parameters are not supported");
    }
    try {
      byte[] spki =
          new SubjectPublicKeyInfo(
                  new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), key.getX().decode())
              .getEncoded(ASN1Encoding.DER);
      Verifiers.fromSpki(spki, KeyDetails.PKIX_ED25519)
          .verify(jwt.getSigningInput(), jwt.getSignature().decode());
      return true;
    } catch (SignatureCheckException e) {
      return false;
    } catch (IOException | KeyParseException | UnsupportedKeyException e) {
      throw new JOSEException("bad Ed25519 key: " + e.getMessage(), e);
    }
  }

  private static String describe(JWK key) {
    return key.getKeyType() + (key.getKeyID() == null ? "" : " kid=" + key.getKeyID());
  }
}
