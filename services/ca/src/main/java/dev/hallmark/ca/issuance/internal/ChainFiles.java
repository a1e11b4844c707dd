package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.issuance.CaChainException;
import dev.hallmark.core.crypto.KeyFiles;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and atomically writing the CA's PEM files. A write goes to a temporary file in the same
 * directory, is forced to disk, then renamed over the target; the directory is forced after the
 * rename. Secret files are created {@code 0600} before any byte is written.
 */
public final class ChainFiles {
  private ChainFiles() {}

  /**
   * Writes {@code text} to {@code target} atomically; {@code secret} files get mode 0600, others
   * 0644.
   *
   * @throws IOException if the directory is not writable or the rename fails
   */
  public static void write(Path target, String text, boolean secret) throws IOException {
    KeyFiles.write(target, text.getBytes(StandardCharsets.US_ASCII), secret);
  }

  /** PEM text of {@code certs}, in order. */
  public static String pem(List<X509Certificate> certs) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate cert : certs) {
      out.append(PublicKeys.pem("CERTIFICATE", Certificates.der(cert)));
    }
    return out.toString();
  }

  /**
   * Reads every {@code CERTIFICATE} block of {@code file}, in order.
   *
   * @throws CaChainException naming the file if it cannot be read, holds no certificate or a
   *     malformed one
   */
  public static List<X509Certificate> readCertificates(Path file) throws CaChainException {
    List<byte[]> blocks;
    try {
      blocks =
          PublicKeys.parsePemBlocks(
              Files.readString(file, StandardCharsets.US_ASCII), "CERTIFICATE");
    } catch (IOException | KeyParseException e) {
      throw new CaChainException("cannot read CA certificates from " + file + ": " + e, e);
    }
    if (blocks.isEmpty()) {
      throw new CaChainException("CA certificate file " + file + " holds no CERTIFICATE block");
    }
    List<X509Certificate> out = new ArrayList<>();
    for (byte[] der : blocks) {
      try {
        out.add(PublicKeys.parseCertificate(der));
      } catch (KeyParseException e) {
        throw new CaChainException(
            "CA certificate " + (out.size() + 1) + " in " + file + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }
}
