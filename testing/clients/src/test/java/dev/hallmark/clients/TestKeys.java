package dev.hallmark.clients;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signing keys, self-signed leaf certificates and Go-style PEM for the entries under test. */
final class TestKeys {
  private TestKeys() {}

  /** A fresh ECDSA P-256 key pair. */
  static KeyPair ecKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /** ECDSA over SHA-256 of {@code data}, DER-encoded (what both clients produce). */
  static byte[] sign(KeyPair pair, byte[] data) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update(data);
    return s.sign();
  }

  /** A self-signed certificate for {@code pair} with an e-mail SAN, valid around now. */
  static X509Certificate selfSigned(KeyPair pair, String email) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=hallmark client test"),
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(1, ChronoUnit.HOURS)),
            Date.from(now.plus(1, ChronoUnit.HOURS)),
            new X500Name("CN=hallmark client test"),
            pair.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        true,
        new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }

  /**
   * A CA that is not Hallmark's: a self-signed root and an intermediate it certifies, both ECDSA
   * P-256, returned as a trusted root lists them (intermediate, root).
   */
  static List<X509Certificate> otherCaChain() throws Exception {
    KeyPair rootKey = ecKey();
    KeyPair intermediateKey = ecKey();
    X500Name rootName = new X500Name("O=Elsewhere,CN=Elsewhere Root");
    X509Certificate root = caCert(rootName, rootKey, rootName, rootKey);
    X509Certificate intermediate =
        caCert(rootName, rootKey, new X500Name("O=Elsewhere,CN=Elsewhere CA"), intermediateKey);
    return List.of(intermediate, root);
  }

  private static X509Certificate caCert(
      X500Name issuer, KeyPair issuerKey, X500Name subject, KeyPair subjectKey) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(subject.hashCode())),
            Date.from(now.minus(365, ChronoUnit.DAYS)),
            Date.from(now.plus(365, ChronoUnit.DAYS)),
            subject,
            subjectKey.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
  }

  /** PEM as Go writes it: 64-character lines, {@code \n} line ends, trailing newline. */
  static String pem(String type, byte[] der) {
    String b64 = Base64.getEncoder().encodeToString(der);
    StringBuilder sb = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
    for (int i = 0; i < b64.length(); i += 64) {
      sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
    }
    return sb.append("-----END ").append(type).append("-----\n").toString();
  }
}
