package dev.hallmark.clients;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * What a user does with {@code -Djavax.net.ssl.trustStore} to trust the CA port's self-signed TLS
 * certificate ({@code <data.dir>/tls/ca-tls.crt}): grpc-netty (sigstore-java's gRPC transport)
 * builds its TLS context from the JDK's default trust managers, which read these properties. {@link
 * #close()} restores the previous values.
 */
final class CaTlsTrust implements AutoCloseable {
  private static final String[] PROPERTIES = {
    "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"
  };

  private final Map<String, String> saved = new HashMap<>();

  private CaTlsTrust() {}

  /** The CA port's TLS certificate of the server with this data directory. */
  static Path certificate(Path dataDir) {
    return dataDir.resolve("tls").resolve("ca-tls.crt");
  }

  /**
   * The environment that makes Node trust the CA port: {@code NODE_EXTRA_CA_CERTS} naming the
   * port's certificate as PEM (written under {@code dir}), whatever its encoding on disk.
   */
  static Map<String, String> nodeEnv(Path dataDir, Path dir) throws Exception {
    X509Certificate c;
    try (InputStream in = Files.newInputStream(certificate(dataDir))) {
      c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    Path out = dir.resolve("ca-tls.pem");
    Files.writeString(
        out,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded())
            + "\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);
    return Map.of("NODE_EXTRA_CA_CERTS", out.toString());
  }

  /** Trusts {@link #certificate(Path)} through a PKCS#12 store in {@code <data.dir>/tls}. */
  static CaTlsTrust install(Path dataDir) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certificate(dataDir))) {
      store.setCertificateEntry(
          "hallmark-ca-tls", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path file = dataDir.resolve("tls").resolve("truststore.p12");
    char[] password = "changeit".toCharArray();
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    CaTlsTrust trust = new CaTlsTrust();
    for (String p : PROPERTIES) {
      trust.saved.put(p, System.getProperty(p));
    }
    System.setProperty("javax.net.ssl.trustStore", file.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", new String(password));
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    return trust;
  }

  @Override
  public void close() {
    for (String p : PROPERTIES) {
      String old = saved.get(p);
      if (old == null) {
        System.clearProperty(p);
      } else {
        System.setProperty(p, old);
      }
    }
  }
}
