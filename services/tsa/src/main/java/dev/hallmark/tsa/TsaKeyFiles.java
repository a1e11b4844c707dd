package dev.hallmark.tsa;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyFiles;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A TSA key and chain kept as PEM files: given, or generated in a directory on first start. */
public final class TsaKeyFiles {
  /** The chain file (TSA certificate first), public. */
  public static final String CHAIN_FILE = "tsa-chain.pem";

  /** The timestamping key (PKCS#8 PEM, mode 0600). */
  public static final String KEY_FILE = "tsa-key.pem";

  /** The generated root's key (PKCS#8 PEM, mode 0600); not needed to run. */
  public static final String ROOT_KEY_FILE = "tsa-root-key.pem";

  private TsaKeyFiles() {}

  /**
   * A key and chain from a PKCS#8 PEM key file and a PEM chain file (TSA certificate first).
   *
   * @throws TsaKeyException if a file cannot be read or they do not fit
   */
  public static TsaSigningKey fromFiles(Path chainFile, Path keyFile) throws TsaKeyException {
    List<X509Certificate> chain = new ArrayList<>();
    KeyPair pair;
    try {
      for (byte[] der :
          PublicKeys.parsePemBlocks(
              Files.readString(chainFile, StandardCharsets.US_ASCII), "CERTIFICATE")) {
        chain.add(PublicKeys.parseCertificate(der));
      }
      pair = PrivateKeys.readPkcs8Pem(Files.readString(keyFile, StandardCharsets.US_ASCII));
    } catch (IOException | KeyParseException e) {
      throw new TsaKeyException("cannot read the TSA key or chain: " + e.getMessage(), e);
    }
    return TsaSigningKey.software(pair, chain);
  }

  /**
   * Loads the TSA kept in {@code dir}; if there is none, generates an ECDSA P-384 root and a P-256
   * timestamping key, issues their chain and writes all three files (keys first, the chain last,
   * each atomically: a crash before the chain is written just generates afresh next time).
   *
   * @throws TsaKeyException if the directory holds a broken TSA or cannot be written
   */
  public static TsaSigningKey loadOrGenerate(
      Path dir, String organization, Clock clock, SecureRandom random) throws TsaKeyException {
    Path chainFile = dir.resolve(CHAIN_FILE);
    if (Files.exists(chainFile)) {
      return fromFiles(chainFile, dir.resolve(KEY_FILE));
    }
    KeyPair root = Signers.generate(KeyDetails.PKIX_ECDSA_P384_SHA_384, random);
    KeyPair leaf = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, random);
    List<X509Certificate> chain =
        TsaCertificates.generate(
            root, null, leaf.getPublic(), organization, clock.instant(), random);
    try {
      write(dir.resolve(ROOT_KEY_FILE), PrivateKeys.writePkcs8Pem(root), true);
      write(dir.resolve(KEY_FILE), PrivateKeys.writePkcs8Pem(leaf), true);
      write(chainFile, pem(chain), false);
    } catch (IOException e) {
      throw new TsaKeyException("cannot write the generated TSA to " + dir + ": " + e, e);
    }
    return TsaSigningKey.software(leaf, chain);
  }

  /** The chain as concatenated PEM certificates ({@code GET /api/v1/timestamp/certchain}). */
  public static String pem(List<X509Certificate> chain) throws TsaKeyException {
    StringBuilder out = new StringBuilder();
    try {
      for (X509Certificate c : chain) {
        out.append(PublicKeys.pem("CERTIFICATE", c.getEncoded()));
      }
    } catch (CertificateEncodingException e) {
      throw new TsaKeyException("cannot encode the TSA chain", e);
    }
    return out.toString();
  }

  private static void write(Path file, String pem, boolean secret) throws IOException {
    KeyFiles.write(file, pem, secret);
  }
}
