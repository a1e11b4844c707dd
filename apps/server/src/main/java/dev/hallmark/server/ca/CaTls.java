package dev.hallmark.server.ca;

import com.linecorp.armeria.common.TlsKeyPair;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the CA port (sigstore-java reaches the CA only over gRPC with TLS). On when {@code
 * ca.tls=true} or {@code ca.tls.cert.file} is set ({@code hallmark up} turns it on). The server
 * certificate and key come from {@code ca.tls.cert.file} / {@code ca.tls.key.file} (PEM; key in
 * PKCS#8); without them a self-signed certificate for {@code public.host}, {@code localhost} and
 * {@code 127.0.0.1} is generated once under {@code data.dir/tls/} ({@value #CERT_FILE}, {@value
 * #KEY_FILE}). Clients must trust that certificate: a JVM (sigstore-java's gRPC client) via {@code
 * -Djavax.net.ssl.trustStore=<a trust store holding it>}, Node (sigstore-js) via {@code
 * NODE_EXTRA_CA_CERTS=<data.dir>/tls/ca-tls.crt}.
 */
public final class CaTls {
  private static final Logger log = LoggerFactory.getLogger(CaTls.class);
  public static final String CERT_FILE = "ca-tls.crt";
  public static final String KEY_FILE = "ca-tls.key";

  private CaTls() {}

  /** The CA port's key and certificate, or empty when the CA serves plain HTTP. */
  public static Optional<TlsKeyPair> load(Wiring w, Clock clock)
      throws IOException, ConfigException {
    Optional<String> certFile = w.config().optional(ConfigKeys.CA_TLS_CERT_FILE);
    Optional<String> keyFile = w.config().optional(ConfigKeys.CA_TLS_KEY_FILE);
    String flag = w.config().get(ConfigKeys.CA_TLS);
    boolean on;
    if (flag.isEmpty()) {
      on = certFile.isPresent();
    } else if (flag.equalsIgnoreCase("true")) {
      on = true;
    } else if (flag.equalsIgnoreCase("false")) {
      on = false;
    } else {
      throw new ConfigException(ConfigKeys.CA_TLS + " must be true or false, not '" + flag + "'");
    }
    if (!on) {
      return Optional.empty();
    }
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new ConfigException(
          "set both " + ConfigKeys.CA_TLS_CERT_FILE + " and " + ConfigKeys.CA_TLS_KEY_FILE);
    }
    Path cert;
    Path key;
    if (certFile.isPresent()) {
      cert = Path.of(certFile.get());
      key = Path.of(keyFile.orElseThrow());
    } else {
      Path dir = w.dataDir().resolve("tls");
      cert = dir.resolve(CERT_FILE);
      key = dir.resolve(KEY_FILE);
      if (!Files.exists(cert) || !Files.exists(key)) {
        Files.createDirectories(dir);
        // processes sharing data.dir must agree on one key and certificate
        try (FileChannel lock =
            FileChannel.open(
                dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          lock.lock(); // released when the channel closes
          if (!Files.exists(cert) || !Files.exists(key)) {
            generate(dir, cert, key, w.publicHost(), clock, w.random());
          }
        }
      }
    }
    log.info(
        "CA port uses TLS with the certificate {}: clients must trust it"
            + " (JVM: -Djavax.net.ssl.trustStore=<store holding it>; Node: NODE_EXTRA_CA_CERTS)",
        cert);
    try {
      return Optional.of(TlsKeyPair.of(key.toFile(), cert.toFile()));
    } catch (RuntimeException e) {
      throw new ConfigException(
          "cannot read the CA's TLS key " + key + " and certificate " + cert + ": " + e);
    }
  }

  private static void generate(
      Path dir, Path certFile, Path keyFile, String host, Clock clock, SecureRandom random)
      throws IOException, ConfigException {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = gen.generateKeyPair();
      Set<String> names = new LinkedHashSet<>(List.of(host, "localhost", "127.0.0.1"));
      List<GeneralName> sans = new ArrayList<>();
      for (String n : names) {
        sans.add(
            isIpLiteral(n)
                ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(n).getHostAddress())
                : new GeneralName(GeneralName.dNSName, n));
      }
      Instant now = clock.instant();
      X500Name subject = new X500Name("CN=" + host + ",O=Hallmark CA TLS (self-signed)");
      BigInteger serial = new BigInteger(128, random).setBit(127);
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              subject,
              serial,
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(Duration.ofDays(3650))),
              subject,
              pair.getPublic());
      // a self-signed certificate used directly as its own trust anchor (like openssl req -x509)
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(sans.toArray(GeneralName[]::new)));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      write(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
      write(certFile, pem("CERTIFICATE", cert.getEncoded()), false);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new ConfigException("cannot create a TLS certificate for the CA: " + e.getMessage());
    }
  }

  private static boolean isIpLiteral(String name) {
    return name.matches("[0-9.]+") || name.contains(":");
  }

  private static String pem(String type, byte[] der) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  private static void write(Path file, String content, boolean secret) throws IOException {
    // the certificate is public (clients must trust it), the key secret
    dev.hallmark.core.crypto.KeyFiles.write(file, content, secret);
  }
}
