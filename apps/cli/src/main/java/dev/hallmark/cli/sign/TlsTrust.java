package dev.hallmark.cli.sign;

import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust for the signing services: the JDK's default CA certificates plus the certificates
 * of a PEM file (a self-signed CA server certificate such as the one {@code hallmark up}
 * generates). Host names are still checked against the certificate.
 */
final class TlsTrust {
  private TlsTrust() {}

  /** An SSL context trusting the JDK's CA certificates and those in {@code pemFile}. */
  static SSLContext trusting(Path pemFile) throws IOException {
    List<byte[]> certs;
    try {
      certs =
          PublicKeys.parsePemBlocks(
              Files.readString(pemFile, StandardCharsets.US_ASCII), "CERTIFICATE");
      if (certs.isEmpty()) {
        throw new KeyParseException("no CERTIFICATE block");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      addJdkDefaults(store);
      for (int i = 0; i < certs.size(); i++) {
        store.setCertificateEntry("ca-tls-" + i, PublicKeys.parseCertificate(certs.get(i)));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (KeyParseException e) {
      throw new IOException(pemFile + " is not a PEM certificate file: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS trust in " + pemFile + ": " + e.getMessage(), e);
    }
  }

  /** Copies the certificates the JDK's default trust manager trusts into {@code store}. */
  private static void addJdkDefaults(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory defaults =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    int n = 0;
    for (javax.net.ssl.TrustManager tm : defaults.getTrustManagers()) {
      if (tm instanceof javax.net.ssl.X509TrustManager) {
        for (java.security.cert.X509Certificate c :
            ((javax.net.ssl.X509TrustManager) tm).getAcceptedIssuers()) {
          store.setCertificateEntry("jdk-" + n++, c);
        }
      }
    }
  }
}
