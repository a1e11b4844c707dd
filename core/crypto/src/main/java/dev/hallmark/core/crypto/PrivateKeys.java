package dev.hallmark.core.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** Reading and writing unencrypted PKCS#8 {@code PRIVATE KEY} PEM files. */
public final class PrivateKeys {
  private static final String TYPE = "PRIVATE KEY";

  private PrivateKeys() {}

  /**
   * Reads the single {@code PRIVATE KEY} block of {@code pem} (EC, RSA or Ed25519) and derives the
   * public key from it.
   *
   * @throws KeyParseException if there is not exactly one such block or it is not a valid key
   */
  public static KeyPair readPkcs8Pem(String pem) throws KeyParseException {
    List<byte[]> blocks = PublicKeys.parsePemBlocks(pem, TYPE);
    if (blocks.size() != 1) {
      throw new KeyParseException(
          "expected exactly one " + TYPE + " PEM block, found " + blocks.size());
    }
    byte[] der = blocks.get(0);
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      ASN1ObjectIdentifier alg = info.getPrivateKeyAlgorithm().getAlgorithm();
      String jca;
      if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        jca = "EC";
      } else if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        jca = "RSA";
      } else if (alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
        jca = "Ed25519";
      } else {
        throw new KeyParseException("unsupported private key algorithm " + alg);
      }
      KeyFactory kf = KeyFactory.getInstance(jca);
      PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
      PublicKey pub;
      if (priv instanceof RSAPrivateCrtKey) {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) priv;
        pub = kf.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      } else if (jca.equals("RSA")) {
        throw new KeyParseException("RSA private key lacks the public exponent (not CRT form)");
      } else {
        pub = PublicKeys.parseSpki(derivePublicSpki(PrivateKeyFactory.createKey(info)));
      }
      return new KeyPair(pub, priv);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new KeyParseException("invalid PKCS#8 private key: " + e.getMessage(), e);
    }
  }

  /** Writes {@code pair}'s private key as a Go-style PKCS#8 {@code PRIVATE KEY} PEM block. */
  public static String writePkcs8Pem(KeyPair pair) {
    byte[] der = pair.getPrivate().getEncoded();
    if (der == null) {
      throw new IllegalArgumentException("private key cannot be exported");
    }
    return PublicKeys.pem(TYPE, der);
  }

  private static byte[] derivePublicSpki(AsymmetricKeyParameter priv) throws IOException {
    if (priv instanceof Ed25519PrivateKeyParameters) {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
              ((Ed25519PrivateKeyParameters) priv).generatePublicKey())
          .getEncoded();
    }
    if (priv instanceof ECPrivateKeyParameters) {
      ECPrivateKeyParameters ec = (ECPrivateKeyParameters) priv;
      BigInteger d = ec.getD();
      ECPublicKeyParameters q =
          new ECPublicKeyParameters(
              ec.getParameters().getG().multiply(d).normalize(), ec.getParameters());
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(q).getEncoded();
    }
    throw new IOException("cannot derive a public key from " + priv.getClass().getSimpleName());
  }
}
