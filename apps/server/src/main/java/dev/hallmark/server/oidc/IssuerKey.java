package dev.hallmark.server.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.Signers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * The issuer's token signing key: ECDSA P-256 ({@code ES256}, generated) or RSA of at least 2048
 * bits ({@code RS256}, when such a key file is supplied).
 *
 * @param algorithm the JWS algorithm of every token
 * @param publicJwk the public half as published in the JWKS, with {@code kid} (the RFC 7638
 *     thumbprint), {@code alg} and {@code use: sig}
 * @param signer signs tokens (thread-safe)
 */
public record IssuerKey(JWSAlgorithm algorithm, JWK publicJwk, JWSSigner signer) {
  /** Checks that the JWK is public and carries a key id. */
  public IssuerKey {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(signer, "signer");
    if (publicJwk.isPrivate() || publicJwk.getKeyID() == null) {
      throw new IllegalArgumentException("the published JWK must be public and have a kid");
    }
  }

  /**
   * Loads the PKCS#8 PEM key in {@code file}, or generates an ECDSA P-256 key and writes it there
   * (mode 0600, atomically) when the file does not exist.
   *
   * @throws IOException if the file cannot be read or written, or holds an unusable key
   */
  public static IssuerKey loadOrCreate(Path file, SecureRandom random) throws IOException {
    KeyPair pair;
    if (Files.exists(file)) {
      try {
        pair = PrivateKeys.readPkcs8Pem(Files.readString(file, StandardCharsets.US_ASCII));
      } catch (KeyParseException e) {
        throw new IOException(
            "OIDC issuer key " + file + " is not a PKCS#8 PEM key: " + e.getMessage(), e);
      }
    } else {
      pair = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, random);
      write(file, PrivateKeys.writePkcs8Pem(pair));
    }
    try {
      return of(pair);
    } catch (IllegalArgumentException e) {
      throw new IOException("OIDC issuer key " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The issuer key for {@code pair}.
   *
   * @throws IllegalArgumentException if the key is neither ECDSA P-256 nor RSA of 2048+ bits
   */
  public static IssuerKey of(KeyPair pair) {
    try {
      if (pair.getPublic() instanceof ECPublicKey
          && pair.getPrivate() instanceof ECPrivateKey
          && Curve.P_256.equals(
              Curve.forECParameterSpec(((ECPublicKey) pair.getPublic()).getParams()))) {
        ECKey jwk =
            new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                .privateKey((ECPrivateKey) pair.getPrivate())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint()
                .build();
        return new IssuerKey(JWSAlgorithm.ES256, jwk.toPublicJWK(), new ECDSASigner(jwk));
      }
      if (pair.getPublic() instanceof RSAPublicKey && pair.getPrivate() instanceof RSAPrivateKey) {
        int bits = ((RSAPublicKey) pair.getPublic()).getModulus().bitLength();
        if (bits < 2048) {
          throw new IllegalArgumentException("RSA key has " + bits + " bits; at least 2048 needed");
        }
        RSAKey jwk =
            new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint()
                .build();
        return new IssuerKey(JWSAlgorithm.RS256, jwk.toPublicJWK(), new RSASSASigner(jwk));
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable signing key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "the key is " + pair.getPublic().getAlgorithm() + "; use ECDSA P-256 or RSA (2048+ bits)");
  }

  private static void write(Path file, String pem) throws IOException {
    dev.hallmark.core.crypto.KeyFiles.write(file, pem, true);
  }
}
